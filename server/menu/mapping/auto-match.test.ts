import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connections, dishes, itemMappings, menuItems } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { mapDish, seedDishes, seedMenuItems } from "~/server/testing/mapping-fixtures";
import { autoMatch, bestMatch, CONFIDENCE, type MatchTarget } from "./auto-match";

const target = (over: Partial<MatchTarget>): MatchTarget => ({
  menuItemId: over.itemExternalId ?? "i",
  variationId: over.variationExternalId ?? null,
  itemExternalId: "i",
  variationExternalId: null,
  itemName: "Item",
  variationName: null,
  price: null,
  currency: "USD",
  multiVariation: false,
  ...over,
});
const dish = (over: Partial<Parameters<typeof bestMatch>[0]>) => ({ name: "x", priceAmount: null, currency: "USD", posItemRef: null, ...over });

describe("bestMatch: the confidence ladder", () => {
  const targets = [
    target({ itemExternalId: "SQ-PT", itemName: "Paneer Tikka", price: 1200 }),
    target({ itemExternalId: "SQ-GB", variationExternalId: "SQ-GB-3", itemName: "Garlic Bread", variationName: "3 Pieces", price: 400, multiVariation: true }),
    target({ itemExternalId: "SQ-GB", variationExternalId: "SQ-GB-6", itemName: "Garlic Bread", variationName: "6 Pieces", price: 700, multiVariation: true }),
    target({ itemExternalId: "SQ-DAL", itemName: "Dal Makhani", price: 900 }),
  ];

  it("external id (1.0) > name + price (0.9) > name (0.7) > fuzzy (≤ 0.65) > nothing", () => {
    const ext = bestMatch(dish({ name: "Anything", posItemRef: "SQ-GB-6" }), targets);
    const namePrice = bestMatch(dish({ name: "Paneer Tikka", priceAmount: 1200 }), targets);
    const nameOnly = bestMatch(dish({ name: "paneer  tikka!", priceAmount: 1500 }), targets);
    const fuzzy = bestMatch(dish({ name: "Paneer Tika" }), targets);
    const none = bestMatch(dish({ name: "Chicken Wings", priceAmount: 1200 }), targets);
    expect(ext).toMatchObject({ method: "external_id", confidence: 1, target: { variationExternalId: "SQ-GB-6" } });
    expect(namePrice).toMatchObject({ method: "name_price", confidence: CONFIDENCE.namePrice, target: { itemExternalId: "SQ-PT" } });
    expect(nameOnly).toMatchObject({ method: "name", confidence: CONFIDENCE.name, target: { itemExternalId: "SQ-PT" } });
    expect(fuzzy!.confidence).toBeGreaterThanOrEqual(CONFIDENCE.floor);
    expect(fuzzy!.confidence).toBeLessThan(CONFIDENCE.name);
    expect(none).toBeNull();
    expect([ext!, namePrice!, nameOnly!, fuzzy!].map((m) => m.confidence)).toEqual([...[ext!, namePrice!, nameOnly!, fuzzy!].map((m) => m.confidence)].sort((a, b) => b - a));
  });

  it("an item external id with several variations picks the one of the dish's price", () => {
    expect(bestMatch(dish({ name: "GB", priceAmount: 700, posItemRef: "SQ-GB" }), targets)?.target.variationExternalId).toBe("SQ-GB-6");
  });

  it("an unknown external id falls back to name matching", () => {
    expect(bestMatch(dish({ name: "Dal Makhani", priceAmount: 900, posItemRef: "GONE" }), targets)).toMatchObject({ method: "name_price" });
  });

  it("reads variations from 'Item (Variation)' and 'Item - Variation'", () => {
    expect(bestMatch(dish({ name: "Garlic Bread (6 Pieces)", priceAmount: 700 }), targets)).toMatchObject({ method: "name_price", target: { variationExternalId: "SQ-GB-6" } });
    expect(bestMatch(dish({ name: "Garlic Bread - 3 pieces" }), targets)).toMatchObject({ method: "name", target: { variationExternalId: "SQ-GB-3" } });
    // Same words, another order: "Garlic Naan" ↔ item "Naan", variation "Garlic".
    const naan = [target({ itemExternalId: "N", variationExternalId: "N-G", itemName: "Naan", variationName: "Garlic", price: 350, multiVariation: true })];
    expect(bestMatch(dish({ name: "Garlic Naan", priceAmount: 350 }), naan)).toMatchObject({ method: "name_price", confidence: CONFIDENCE.namePrice });
    // The bare item name of a multi-variation item is matched through the price only.
    expect(bestMatch(dish({ name: "Garlic Bread", priceAmount: 400 }), targets)).toMatchObject({ method: "name_price", target: { variationExternalId: "SQ-GB-3" } });
  });

  it("two equally good POS items lower the confidence (the seller decides)", () => {
    const twins = [target({ itemExternalId: "A", itemName: "Lassi", price: 300 }), target({ itemExternalId: "B", itemName: "Lassi", price: 300 })];
    expect(bestMatch(dish({ name: "Lassi", priceAmount: 300 }), twins)!.confidence).toBeCloseTo(CONFIDENCE.namePrice - CONFIDENCE.ambiguityPenalty);
  });

  it("ignores the price when the currencies differ", () => {
    expect(bestMatch(dish({ name: "Paneer Tikka", priceAmount: 1200, currency: "INR" }), targets)).toMatchObject({ method: "name" });
  });
});

describe("autoMatch against the stored menu", () => {
  let t: TestDb;
  let conn: typeof connections.$inferSelect;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    tenant = await makeTenant(t.db);
    [conn] = (await t.db.insert(connections).values({ organizationId: tenant.org.id, restaurantId: tenant.restaurant.id, provider: "square" }).returning()) as [typeof conn];
    await seedMenuItems(t.db, conn, [
      { externalId: "SQ-PT", name: "Paneer Tikka", price: 1200 },
      { externalId: "SQ-GB", name: "Garlic Bread", variations: [{ externalId: "SQ-GB-3", name: "3 Pieces", price: 400 }, { externalId: "SQ-GB-6", name: "6 Pieces", price: 700 }] },
      { externalId: "SQ-DAL", name: "Dal Makhani", price: 900 },
      { externalId: "SQ-OLD", name: "Butter Chicken", price: 1300, removed: true },
    ]);
    await seedDishes(t.db, tenant.restaurant, [
      { externalId: "d-pt", name: "Paneer Tikka", price: 1200, currency: "USD" },
      { externalId: "d-gb", name: "Garlic Bread (6 Pieces)", price: 700, currency: "USD", posItemRef: "SQ-GB-6" },
      { externalId: "d-dal", name: "Dal Makhni", price: 950, currency: "USD" },
      { externalId: "d-bc", name: "Butter Chicken", price: 1300, currency: "USD" },
    ]);
  });
  const mappings = async () => {
    const rows = await t.db
      .select({ dish: dishes.externalId, item: menuItems.externalId, status: itemMappings.status, method: itemMappings.method, confidence: itemMappings.confidence, confirmedAt: itemMappings.confirmedAt })
      .from(itemMappings)
      .innerJoin(dishes, eq(dishes.id, itemMappings.dishId))
      .innerJoin(menuItems, eq(menuItems.id, itemMappings.menuItemId))
      .where(eq(itemMappings.connectionId, conn.id));
    return Object.fromEntries(rows.map((r) => [r.dish, r]));
  };

  it("suggests by name and price, auto-confirms external ids, never matches removed items", async () => {
    expect(await autoMatch(t.db, { connectionId: conn.id })).toEqual({ suggested: 2, autoConfirmed: 1, unmatched: 1, kept: 0 });
    const m = await mappings();
    expect(m["d-pt"]).toMatchObject({ item: "SQ-PT", status: "suggested", method: "name_price", confidence: CONFIDENCE.namePrice });
    expect(m["d-gb"]).toMatchObject({ item: "SQ-GB", status: "confirmed", method: "external_id", confidence: 1 });
    expect(m["d-gb"]!.confirmedAt).toBeInstanceOf(Date);
    expect(m["d-dal"]).toMatchObject({ item: "SQ-DAL", status: "suggested", method: "name" });
    expect(m["d-dal"]!.confidence).toBeLessThan(CONFIDENCE.name);
    expect(m["d-bc"]).toBeUndefined(); // its POS item was removed from the menu
  });

  it("re-running is idempotent and keeps the seller's confirmed and rejected decisions", async () => {
    await autoMatch(t.db, { connectionId: conn.id });
    const before = await mappings();
    // The auto-confirmed external-id match is a decision now: kept.
    expect(await autoMatch(t.db, { connectionId: conn.id })).toEqual({ suggested: 2, autoConfirmed: 0, unmatched: 1, kept: 1 });
    expect(await mappings()).toEqual(before);

    // The seller maps Dal to Paneer Tikka by hand, and rejects the Paneer Tikka suggestion.
    const [dal] = await t.db.select().from(dishes).where(and(eq(dishes.restaurantId, tenant.restaurant.id), eq(dishes.externalId, "d-dal")));
    await t.db.delete(itemMappings).where(eq(itemMappings.dishId, dal!.id));
    await mapDish(t.db, conn, { dishExternalId: "d-dal", itemExternalId: "SQ-PT" });
    const [pt] = await t.db.select().from(dishes).where(and(eq(dishes.restaurantId, tenant.restaurant.id), eq(dishes.externalId, "d-pt")));
    await t.db.update(itemMappings).set({ status: "rejected" }).where(eq(itemMappings.dishId, pt!.id));

    const r = await autoMatch(t.db, { connectionId: conn.id });
    expect(r.kept).toBe(3); // d-dal confirmed, d-pt rejected, d-gb auto-confirmed
    const after = await mappings();
    expect(after["d-dal"]).toMatchObject({ item: "SQ-PT", status: "confirmed", method: "manual" });
    expect(after["d-pt"]).toMatchObject({ item: "SQ-PT", status: "rejected" });
  });

  it("a suggestion follows the menu: it is dropped when its POS item disappears", async () => {
    await autoMatch(t.db, { connectionId: conn.id });
    await t.db.update(menuItems).set({ removedAt: new Date() }).where(and(eq(menuItems.connectionId, conn.id), eq(menuItems.externalId, "SQ-PT")));
    await autoMatch(t.db, { connectionId: conn.id });
    expect((await mappings())["d-pt"]).toBeUndefined();
  });
});
