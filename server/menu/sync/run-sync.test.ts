import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { availabilityChanges, connections, itemMappings, itemVariations, menuCategories, menuItemModifierGroups, menuItems, menuSyncRuns, modifierGroups, modifiers } from "~/db/schema";
import { fakeItemId, fakeVariationId } from "~/server/integrations/square/fake";
import { seedCatalog } from "~/server/integrations/square/fake-seed";
import { squareWorld } from "~/server/testing/square-world";
import { upsertDishes } from "~/server/menu/mapping/upsert-dishes";
import { openRun } from "./run-record";
import { runMenuSync } from "./run-sync";

const dispatched = vi.hoisted(() => [] as Array<{ name: string; data: Record<string, unknown> }>);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeEach(async () => {
  dispatched.length = 0;
  w = await squareWorld();
});
afterEach(() => w.dispose());

const sync = () => runMenuSync(w.t.db, { connectionId: w.connection.id, trigger: "manual" });
const listCalls = () => w.fake.state.requests.filter((r) => r.path === "/v2/catalog/list");
const items = () => w.t.db.select().from(menuItems).where(eq(menuItems.connectionId, w.connection.id));
const item = async (externalId: string) => (await items()).find((i) => i.externalId === externalId)!;
const wireItem = (i: number) => w.fake.state.catalog.find((o) => o.id === fakeItemId(i))!;
const accessToken = () => [...w.fake.state.tokens.keys()][0]!;

async function everyRowStamp() {
  const db = w.t.db;
  const tables = [menuCategories, menuItems, itemVariations, modifierGroups, modifiers] as const;
  const rows = await Promise.all(tables.map((t) => db.select({ id: t.id, updatedAt: t.updatedAt }).from(t)));
  return new Map(rows.flat().map((r) => [r.id, r.updatedAt.getTime()]));
}

describe("menu sync engine (Square fake, real adapter)", () => {
  it("pulls the whole catalog page by page and writes the normalized menu", async () => {
    const r = await sync();
    expect(r.status).toBe("success");
    if (r.status === "skipped") throw new Error("skipped");
    // 6 categories + 1 modifier list + 150 items = 157 objects: two pages of 100.
    expect(listCalls().map((c) => c.status)).toEqual([200, 200]);
    expect(r.run).toMatchObject({ type: "full", trigger: "manual", itemsSynced: 150, categoriesSynced: 6, createdCount: 6 + 1 + 3 + 150 + 180, updatedCount: 0, removedCount: 0, errors: [] });
    expect(r.run.durationMs).toBeGreaterThanOrEqual(0);
    expect(await items()).toHaveLength(150);
    const burger = await item(fakeItemId(0));
    expect(burger).toMatchObject({ name: "Classic Burger", currency: "USD", priceAmount: null, available: true, removedAt: null });
    const vars = await w.t.db.select().from(itemVariations).where(eq(itemVariations.itemId, burger.id));
    expect(vars.map((v) => [v.externalId, v.priceAmount]).sort()).toEqual([
      [fakeVariationId(0, "L"), 800],
      [fakeVariationId(0, "R"), 500],
    ]);
    expect(await w.t.db.select().from(menuItemModifierGroups)).toHaveLength(10);
    expect(await w.t.db.select().from(modifiers)).toHaveLength(3);
  });

  it("matches the marketplace's dishes to what the sync brought in", async () => {
    await upsertDishes(w.t.db, { id: w.tenant.restaurant.id, organizationId: w.tenant.org.id }, [
      { externalId: "dish-burger", name: "Classic Burger", priceAmount: null, currency: "USD", posItemRef: null },
    ]);
    expect(await w.t.db.select().from(itemMappings)).toHaveLength(0);
    await sync();
    const [mapping] = await w.t.db.select().from(itemMappings).where(eq(itemMappings.connectionId, w.connection.id));
    expect(mapping).toMatchObject({ status: "suggested", menuItemId: (await item(fakeItemId(0))).id });
  });

  it("re-syncing an unchanged menu writes nothing but the run row", async () => {
    await sync();
    const before = await everyRowStamp();
    const second = await sync();
    if (second.status === "skipped") throw new Error("skipped");
    expect(second.run).toMatchObject({ status: "success", createdCount: 0, updatedCount: 0, removedCount: 0, unchangedCount: 340 });
    expect(await everyRowStamp()).toEqual(before);
    expect(await w.t.db.select().from(menuSyncRuns)).toHaveLength(2);
  });

  it("updates what changed, soft-removes what is gone, restores what comes back, applies sold-out", async () => {
    await sync();
    const original = await item(fakeItemId(1));
    wireItem(1).item_data!.name = "Spicy Burger Deluxe";
    const removed = wireItem(2);
    w.fake.state.catalog = w.fake.state.catalog.filter((o) => o !== removed);
    const variation = wireItem(3).item_data!.variations[0]!;
    variation.item_variation_data!.location_overrides = [{ location_id: w.connection.externalLocationId, sold_out: true }];

    const r = await sync();
    if (r.status === "skipped") throw new Error("skipped");
    // item 1 renamed; item 2 and its variation removed; item 3 and its only variation sold out.
    expect(r.run).toMatchObject({ status: "success", createdCount: 0, updatedCount: 3, removedCount: 2 });
    expect(await item(fakeItemId(1))).toMatchObject({ id: original.id, name: "Spicy Burger Deluxe" });
    expect((await item(fakeItemId(2))).removedAt).toBeInstanceOf(Date);
    expect(await item(fakeItemId(3))).toMatchObject({ available: false });
    const changes = await w.t.db.select().from(availabilityChanges);
    expect(changes.map((c) => [c.targetType, c.available, c.source]).sort()).toEqual([
      ["item", false, "menu_sync"],
      ["variation", false, "menu_sync"],
    ]);

    w.fake.state.catalog.push(removed);
    const back = await sync();
    if (back.status === "skipped") throw new Error("skipped");
    expect(back.run).toMatchObject({ createdCount: 0, updatedCount: 2, removedCount: 0 });
    expect(await item(fakeItemId(2))).toMatchObject({ removedAt: null });
  });

  it("keeps a seller's 86 while the POS's own availability has not changed", async () => {
    await sync();
    const target = await item(fakeItemId(4));
    await w.t.db.update(menuItems).set({ available: false }).where(eq(menuItems.id, target.id));
    wireItem(4).item_data!.description = "New description";
    await sync();
    expect(await item(fakeItemId(4))).toMatchObject({ available: false, description: "New description" });
  });

  it("removes nothing when a page fails midway: the run fails", async () => {
    w.fake.state.catalog = seedCatalog("USD", 450);
    await sync();
    w.fake.state.catalog = w.fake.state.catalog.filter((o) => o.id !== fakeItemId(7));
    w.fake.faults.next("GET /v2/catalog/list", { status: 500, skip: 2 });
    const r = await sync();
    if (r.status === "skipped") throw new Error("skipped");
    expect(listCalls().slice(-3).map((c) => c.status)).toEqual([200, 200, 500]);
    expect(r.run).toMatchObject({ status: "failed", errorCode: "unavailable", removedCount: 0 });
    expect((await item(fakeItemId(7))).removedAt).toBeNull();
    expect((await items()).filter((i) => i.removedAt)).toHaveLength(0);
  });

  it("an expired token fails the run with needs_reauth and marks the connection", async () => {
    await sync();
    w.fake.expireToken(accessToken());
    const r = await sync();
    if (r.status === "skipped") throw new Error("skipped");
    expect(r.run).toMatchObject({ status: "failed", errorCode: "needs_reauth" });
    const [conn] = await w.t.db.select().from(connections).where(eq(connections.id, w.connection.id));
    expect(conn?.status).toBe("needs_reauth");
    expect((await items()).filter((i) => !i.removedAt)).toHaveLength(150);
  });

  it("reports bad rows, skips them and marks the run partial", async () => {
    wireItem(5).item_data!.variations[0]!.item_variation_data!.price_money = { amount: -100, currency: "USD" };
    wireItem(6).item_data!.name = "";
    const r = await sync();
    if (r.status === "skipped") throw new Error("skipped");
    expect(r.run.status).toBe("partial");
    expect(r.run.errors.map((e) => [e.kind, e.externalId])).toEqual(
      expect.arrayContaining([
        ["invalid_price", fakeVariationId(5)],
        ["missing_name", fakeItemId(6)],
      ]),
    );
    expect(r.run.itemsSynced).toBe(149);
  });

  it("runs one sync at a time per connection", async () => {
    const first = await openRun(w.t.db, w.connection, { trigger: "manual" });
    expect(first.opened).toBe(true);
    const second = await openRun(w.t.db, w.connection, { trigger: "nightly" });
    expect(second).toMatchObject({ opened: false, run: { id: first.run.id } });
    expect(await sync()).toEqual({ status: "skipped", reason: "already_running", runId: first.run.id });
    // The requested run itself is picked up by its id.
    const claimed = await runMenuSync(w.t.db, { connectionId: w.connection.id, trigger: "manual", runId: first.run.id });
    expect(claimed).toMatchObject({ status: "success", runId: first.run.id });
    const runs = await w.t.db.select().from(menuSyncRuns).where(and(eq(menuSyncRuns.connectionId, w.connection.id)));
    expect(runs).toHaveLength(1);
  });
});
