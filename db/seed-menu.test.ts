import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMenuTree } from "~/server/menu/availability/read-menu";
import { seedCatalog } from "~/server/integrations/square/fake-seed";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { connections, itemMappings, menuSyncRuns, restaurants } from "./schema";
import { seedDemoData } from "./seed";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

describe("demo menu (seedDemoData)", () => {
  it("gives the first demo restaurant a Square menu with the sandbox's ids, an 86, a snooze, a sync run and mapping suggestions", async () => {
    expect(await seedDemoData(t.db)).toEqual({ seeded: true });
    const [downtown] = await t.db.select().from(restaurants).where(eq(restaurants.name, "Spice Route — Downtown"));
    const tree = await loadMenuTree(t.db, downtown!.id);
    expect(tree.categories.map((c) => c.name)).toEqual(["Mains", "Sides", "Bowls", "Street Food", "Specials", "Vegetarian"]);
    const items = tree.categories.flatMap((c) => c.items);
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(["Paneer Butter Masala", "Garlic Naan", "Chicken Biryani", "Masala Dosa", "Mango Lassi"]));

    // Every external id is one the Square fake serves, so a real sync updates these rows in place.
    const fakeIds = new Set(seedCatalog("USD").flatMap((o) => [o.id, ...(o.item_data?.variations ?? []).map((v) => v.id), ...(o.modifier_list_data?.modifiers ?? []).map((m) => m.id)]));
    for (const i of items) {
      expect(fakeIds).toContain(i.externalId);
      for (const v of i.variations) expect(fakeIds).toContain(v.externalId);
      for (const g of i.modifierGroups) for (const m of g.modifiers) expect(fakeIds).toContain(m.externalId);
    }
    for (const c of tree.categories) expect(fakeIds).toContain(c.externalId);

    const paneer = items.find((i) => i.name === "Paneer Butter Masala")!;
    expect(paneer.variations.map((v) => [v.name, v.available])).toEqual([["Regular", true], ["Large", false]]);
    expect(paneer.modifierGroups[0]?.modifiers.map((m) => m.name)).toEqual(["Extra cheese", "No onions", "Extra spicy"]);
    expect(items.find((i) => i.name === "Mango Lassi")).toMatchObject({ available: false, snoozedUntil: null });
    const dal = items.find((i) => i.name === "Dal Makhani")!;
    expect(dal.available).toBe(false);
    expect(dal.snoozedUntil!.getTime()).toBeGreaterThan(Date.now());

    const [conn] = await t.db.select().from(connections).where(eq(connections.restaurantId, downtown!.id));
    expect(conn).toMatchObject({ provider: "square", status: "needs_reauth", externalLocationId: "LFAKEMAINST0001" });
    const runs = await t.db.select().from(menuSyncRuns).where(eq(menuSyncRuns.connectionId, conn!.id));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "initial", status: "success", itemsSynced: items.length });

    // The demo orders' five dishes all have a suggestion to review.
    const mappings = await t.db.select().from(itemMappings).where(eq(itemMappings.connectionId, conn!.id));
    expect(mappings.length).toBe(5);
    expect(mappings.every((m) => m.status === "suggested" && m.confidence >= 0.85)).toBe(true);
  });

  it("is left out when asked (the e2e database connects Square itself)", async () => {
    const other = await createTestDb();
    try {
      await seedDemoData(other.db, { menu: false });
      expect((await other.db.select({ n: count() }).from(connections))[0]!.n).toBe(0);
    } finally {
      await other.dispose();
    }
  });
});
