import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connections, itemMappings, memberships } from "~/db/schema";
import { autoMatch } from "~/server/menu/mapping/auto-match";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { callerFor, makeTenant } from "~/server/testing/factories";
import { seedDishes, seedMenuItems } from "~/server/testing/mapping-fixtures";

let t: TestDb;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let conn: typeof connections.$inferSelect;
let dishIds: Map<string, string>;

beforeAll(async () => {
  t = await createTestDb();
  a = await makeTenant(t.db);
  b = await makeTenant(t.db);
  [conn] = (await t.db.insert(connections).values({ organizationId: a.org.id, restaurantId: a.restaurant.id, provider: "square" }).returning()) as [typeof conn];
  await seedMenuItems(t.db, conn, [
    { externalId: "SQ-PT", name: "Paneer Tikka", price: 1200 },
    { externalId: "SQ-DAL", name: "Dal Makhani", price: 900 },
    { externalId: "SQ-NAAN", name: "Garlic Naan", variations: [{ externalId: "SQ-NAAN-1", name: "Single", price: 300 }, { externalId: "SQ-NAAN-2", name: "Double", price: 550 }] },
  ]);
  const dishes = await seedDishes(t.db, a.restaurant, [
    { externalId: "d-pt", name: "Paneer Tikka", price: 1200, currency: "USD" },
    { externalId: "d-dal", name: "Dal Makhani", price: 1000, currency: "USD" },
    { externalId: "d-x", name: "Mystery Dish", price: 100, currency: "USD" },
  ]);
  dishIds = new Map([...dishes].map(([k, v]) => [k, v.id]));
  await autoMatch(t.db, { connectionId: conn.id });
});
afterAll(() => t.dispose());

const owner = () => callerFor(t.db, a.user);
const A = () => ({ restaurantId: a.restaurant.id });

describe("mapping router", () => {
  it("lists dishes with their suggestions, bands and methods; POS options from the live menu", async () => {
    const list = await owner().mapping.list(A());
    expect(list.connection).toMatchObject({ id: conn.id, provider: "square" });
    expect(list.hasMenu).toBe(true);
    const byDish = Object.fromEntries(list.dishes.map((d) => [d.externalId, d]));
    expect(byDish["d-pt"]!.mapping).toMatchObject({ status: "suggested", method: "name_price", band: "high", item: { name: "Paneer Tikka" }, price: 1200 });
    expect(byDish["d-dal"]!.mapping).toMatchObject({ status: "suggested", method: "name", band: "medium" });
    expect(byDish["d-x"]!.mapping).toBeNull();
    const options = await owner().mapping.posOptions(A());
    expect(options.map((o) => [o.itemName, o.variationName])).toEqual([["Paneer Tikka", null], ["Dal Makhani", null], ["Garlic Naan", "Single"], ["Garlic Naan", "Double"]]);
  });

  it("confirm all high-confidence confirms only the high band; confirm/change/reject one", async () => {
    expect(await owner().mapping.confirmAllHigh(A())).toEqual({ confirmed: 1 });
    const naan = (await owner().mapping.posOptions(A())).find((o) => o.variationName === "Double")!;
    await owner().mapping.confirm({ ...A(), dishId: dishIds.get("d-x")!, menuItemId: naan.menuItemId, variationId: naan.variationId });
    await owner().mapping.reject({ ...A(), dishId: dishIds.get("d-dal")! });
    const byDish = Object.fromEntries((await owner().mapping.list(A())).dishes.map((d) => [d.externalId, d.mapping]));
    expect(byDish["d-pt"]).toMatchObject({ status: "confirmed", method: "name_price" });
    expect(byDish["d-x"]).toMatchObject({ status: "confirmed", method: "manual", confidence: 1, variation: { name: "Double" } });
    expect(byDish["d-dal"]).toMatchObject({ status: "rejected" });
    // Re-running keeps every decision.
    expect(await owner().mapping.rerun(A())).toMatchObject({ kept: 3 });
    const rows = await t.db.select().from(itemMappings).where(eq(itemMappings.connectionId, conn.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["confirmed", "confirmed", "rejected"]);
  });

  it("another organization can neither read nor change the mappings (NOT_FOUND)", async () => {
    const stranger = callerFor(t.db, b.user);
    await expect(stranger.mapping.list(A())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.mapping.posOptions(A())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.mapping.confirm({ ...A(), dishId: dishIds.get("d-pt")! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.mapping.confirmAllHigh(A())).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Their own restaurant with our dish id: still not found.
    const [theirConn] = await t.db.insert(connections).values({ organizationId: b.org.id, restaurantId: b.restaurant.id, provider: "square" }).returning();
    await expect(stranger.mapping.confirm({ restaurantId: b.restaurant.id, dishId: dishIds.get("d-pt")! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ourItem = (await owner().mapping.posOptions(A()))[0]!;
    const [theirDish] = [...(await seedDishes(t.db, b.restaurant, [{ externalId: "b-1", name: "Theirs" }])).values()];
    await expect(stranger.mapping.confirm({ restaurantId: b.restaurant.id, dishId: theirDish!.id, menuItemId: ourItem.menuItemId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.select().from(itemMappings).where(eq(itemMappings.connectionId, theirConn!.id))).toEqual([]);
  });

  it("staff can read but not change (FORBIDDEN)", async () => {
    const staff = await makeTenant(t.db, { role: "staff" });
    await t.db.insert(memberships).values({ userId: staff.user.id, organizationId: a.org.id, role: "staff" });
    await t.db.delete(memberships).where(eq(memberships.organizationId, staff.org.id));
    const caller = callerFor(t.db, staff.user);
    expect((await caller.mapping.list(A())).dishes).toHaveLength(3);
    await expect(caller.mapping.confirmAllHigh(A())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.mapping.reject({ ...A(), dishId: dishIds.get("d-pt")! })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
