import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getDbHandle, migrateConfiguredDb } from "~/db";
import type { Db } from "~/db/client";
import { connections, dishes, itemMappings } from "~/db/schema";
import { createApiKey } from "~/server/api-keys/manage";
import { makeTenant } from "~/server/testing/factories";
import { seedMenuItems } from "~/server/testing/mapping-fixtures";
import { PUT } from "./route";

// Only session auth is stubbed (next-auth needs a Next request scope); API keys are real.
vi.mock("~/server/auth", () => ({ auth: async () => null }));

let db: Db;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let key: string;

beforeAll(async () => {
  await migrateConfiguredDb();
  db = await getDb();
  a = await makeTenant(db, { name: "Alpha" });
  b = await makeTenant(db, { name: "Bravo" });
  key = (await createApiKey(db, { organizationId: a.org.id, actorUserId: a.user.id, name: "Marketplace" })).plaintext;
  const [conn] = await db.insert(connections).values({ organizationId: a.org.id, restaurantId: a.restaurant.id, provider: "square" }).returning();
  await seedMenuItems(db, conn!, [
    { externalId: "SQ-PT", name: "Paneer Tikka", price: 1200 },
    { externalId: "SQ-NAAN", name: "Garlic Naan", price: 300 },
  ]);
});
afterAll(async () => (await getDbHandle()).close());

const put = (restaurantId: string, body: unknown, auth = `Bearer ${key}`) =>
  PUT(
    new Request(`http://localhost/api/v1/restaurants/${restaurantId}/dishes`, { method: "PUT", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ restaurantId }) },
  );
const stored = (restaurantId: string) => db.select().from(dishes).where(eq(dishes.restaurantId, restaurantId));

describe("PUT /api/v1/restaurants/:restaurantId/dishes", () => {
  it("bad input → 400 with field errors, nothing stored", async () => {
    const res = await put(a.restaurant.id, [
      { dish_id: "d-ok", name: "Fine", price: 100, currency: "USD" },
      { dish_id: "", name: "No id", price: -5, currency: "dollars" },
    ]);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.success).toBe(false);
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(["1.dish_id", "1.price", "1.currency"]));
    expect((await put(a.restaurant.id, { dish_id: "not-an-array" })).status).toBe(400);
    expect(await stored(a.restaurant.id)).toEqual([]);
  });

  it("another organization's restaurant → 404, nothing stored; no key → 401", async () => {
    const res = await put(b.restaurant.id, [{ dish_id: "d-1", name: "Theirs", price: 100, currency: "USD" }]);
    expect(res.status).toBe(404);
    expect(await stored(b.restaurant.id)).toEqual([]);
    expect((await put(a.restaurant.id, [], "Bearer nope")).status).toBe(401);
  });

  it("upserts by dish id and matches against the synced menu", async () => {
    const res = await put(a.restaurant.id, [
      { dish_id: "d-pt", name: "Paneer Tikka", price: 1200, currency: "usd" },
      { dish_id: "d-naan", name: "Naan (garlic)", price: 300, currency: "USD", pos_item_id: "SQ-NAAN" },
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, message: "Dishes received", data: { upserted: 2, matching: [{ suggested: 1, auto_confirmed: 1, unmatched: 0, kept: 0 }] } });
    const again = await put(a.restaurant.id, [{ dish_id: "d-pt", name: "Paneer Tikka (new recipe)", price: 1300, currency: "USD" }]);
    // Renamed and repriced: the old suggestion no longer holds and goes; the confirmed one stays.
    expect((await again.json()).data).toMatchObject({ upserted: 1, matching: [{ suggested: 0, unmatched: 1, kept: 1 }] });
    const rows = await stored(a.restaurant.id);
    expect(rows.map((r) => [r.externalId, r.name, r.priceAmount, r.currency]).sort()).toEqual([
      ["d-naan", "Naan (garlic)", 300, "USD"],
      ["d-pt", "Paneer Tikka (new recipe)", 1300, "USD"],
    ]);
    const maps = await db.select().from(itemMappings).where(eq(itemMappings.restaurantId, a.restaurant.id));
    expect(maps.map((m) => [m.method, m.status])).toEqual([["external_id", "confirmed"]]);
  });
});
