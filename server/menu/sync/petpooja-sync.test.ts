import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { itemVariations, menuItems, modifiers } from "~/db/schema";
import { FAKE_PETPOOJA_REST_ID } from "~/server/integrations/petpooja/fake";
import { petpoojaWorld } from "~/server/integrations/petpooja/world";
import { runMenuSync } from "./run-sync";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

let w: Awaited<ReturnType<typeof petpoojaWorld>>;
beforeAll(async () => {
  w = await petpoojaWorld();
});
afterAll(() => w.dispose());

const sync = async () => {
  const r = await runMenuSync(w.t.db, { connectionId: w.connection.id, trigger: "manual" });
  if (r.status === "skipped") throw new Error(`skipped: ${r.reason}`);
  return r.run;
};

describe("menu sync through the PetPooja fake (mapped_restaurant_menus)", () => {
  it("syncs the demo menu in paise, then re-syncs without writing", async () => {
    // The world stored the two items and their variations already (for dish mappings): they are
    // updated in place, so the mappings keep pointing at them.
    const before = (await w.t.db.select({ id: menuItems.id }).from(menuItems)).map((r) => r.id).sort();
    expect(await sync()).toMatchObject({ status: "success", itemsSynced: 2, categoriesSynced: 2, createdCount: 2 + 1 + 1, updatedCount: 2 + 2 });
    expect((await w.t.db.select({ id: menuItems.id }).from(menuItems)).map((r) => r.id).sort()).toEqual(before);
    const items = await w.t.db.select().from(menuItems).where(eq(menuItems.connectionId, w.connection.id));
    expect(items.map((i) => [i.externalId, i.priceAmount, i.currency]).sort()).toEqual([
      ["10001", 29000, "INR"],
      ["10002", null, "INR"],
    ]);
    expect((await w.t.db.select().from(itemVariations)).map((v) => v.externalId).sort()).toEqual(["20001", "20002"]);
    expect((await w.t.db.select().from(modifiers)).map((m) => [m.externalId, m.priceAmount])).toEqual([["50001", 6000]]);
    expect(await sync()).toMatchObject({ status: "success", createdCount: 0, updatedCount: 0, removedCount: 0, unchangedCount: 8 });
  });

  it("a failed menu call fails the run and removes nothing", async () => {
    const menu = w.fake.state.restaurants.get(FAKE_PETPOOJA_REST_ID)!;
    w.fake.state.restaurants.set(FAKE_PETPOOJA_REST_ID, { ...menu, items: [] });
    w.fake.faults.next("*", { status: 500 });
    expect(await sync()).toMatchObject({ status: "failed", removedCount: 0 });
    const live = (await w.t.db.select().from(menuItems)).filter((i) => !i.removedAt);
    expect(live).toHaveLength(2);
  });
});
