/** GET /api/v1/restaurants/:id/menu and the tRPC menu router's tenancy, over a directly inserted menu. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { menuItems } from "~/db/schema";
import { createApiKey } from "~/server/api-keys/manage";
import { saveConnection } from "~/server/connections/manage";
import { menuResponseSchema } from "~/server/rest/resources/menu";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { callerFor, makeTenant } from "~/server/testing/factories";
import { makeMenu } from "~/server/testing/menu-factory";
import { GET } from "./route";

const h = vi.hoisted(() => ({ db: null as unknown as Db }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());
vi.mock("~/server/auth", () => ({ auth: async () => null }));

let t: TestDb;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let ids: Awaited<ReturnType<typeof makeMenu>>;
let key: string;
let otherKey: string;

beforeAll(async () => {
  t = await createTestDb();
  h.db = t.db;
  tenant = await makeTenant(t.db);
  other = await makeTenant(t.db);
  const conn = await saveConnection(t.db, { organizationId: tenant.org.id, userId: tenant.user.id }, { restaurantId: tenant.restaurant.id, provider: "petpooja", credentials: {}, locationId: "rest-1" });
  ids = await makeMenu(t.db, { organizationId: tenant.org.id, restaurantId: tenant.restaurant.id, connectionId: conn.id });
  key = (await createApiKey(t.db, { organizationId: tenant.org.id, actorUserId: tenant.user.id, name: "Marketplace" })).plaintext;
  otherKey = (await createApiKey(t.db, { organizationId: other.org.id, actorUserId: other.user.id, name: "Other" })).plaintext;
});
afterAll(() => t.dispose());

async function get(restaurantId: string, apiKey: string | null) {
  const req = new Request(`http://localhost/api/v1/restaurants/${restaurantId}/menu`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  const res = await GET(req, { params: Promise.resolve({ restaurantId }) });
  return { status: res.status, body: (await res.json()) as { success: boolean; data: unknown } };
}

describe("GET /api/v1/restaurants/:id/menu", () => {
  it("returns categories → items → variations and modifier groups, with effective availability", async () => {
    // An 86 whose time has passed reads as available; an indefinite one does not; removed rows are gone.
    await t.db.update(menuItems).set({ available: false, snoozedUntil: new Date(Date.now() - 1000) }).where(eq(menuItems.id, ids.items["item-paneer"]!));
    await t.db.update(menuItems).set({ available: false, snoozedUntil: null }).where(eq(menuItems.id, ids.items["item-dal"]!));
    await t.db.update(menuItems).set({ removedAt: new Date() }).where(eq(menuItems.id, ids.items["item-naan"]!));
    const { status, body } = await get(tenant.restaurant.id, key);
    expect(status).toBe(200);
    const menu = menuResponseSchema.parse(body.data);
    expect(menu.categories.map((c) => c.name)).toEqual(["Mains"]);
    const [paneer, dal] = menu.categories[0]!.items;
    expect(paneer).toMatchObject({ name: "Paneer Butter Masala", price: 1450, currency: "USD", available: true, snoozed_until: null });
    expect(paneer!.variations.map((v) => [v.name, v.price])).toEqual([["Regular", 1450], ["Large", 1850]]);
    expect(paneer!.modifier_groups[0]).toMatchObject({ name: "Spice level", min_select: 0, max_select: 1 });
    expect(paneer!.modifier_groups[0]!.modifiers.map((m) => m.name)).toEqual(["Mild", "Extra hot"]);
    expect(dal).toMatchObject({ available: false, snoozed_until: null });
  });

  it("needs an API key, and another organization's restaurant is 404", async () => {
    expect((await get(tenant.restaurant.id, null)).status).toBe(401);
    expect((await get(tenant.restaurant.id, otherKey)).status).toBe(404);
    expect((await get(other.restaurant.id, otherKey)).status).toBe(200);
  });
});

describe("menu tRPC router tenancy", () => {
  it("another organization can neither read nor 86 this restaurant's menu", async () => {
    const intruder = callerFor(t.db, other.user);
    await expect(intruder.menu.get({ restaurantId: tenant.restaurant.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      intruder.menu.setAvailability({ restaurantId: tenant.restaurant.id, targetType: "item", targetId: ids.items["item-paneer"]!, choice: { kind: "indefinitely" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Through its own restaurant id, the other tenant's item is not found either.
    await expect(
      intruder.menu.setAvailability({ restaurantId: other.restaurant.id, targetType: "item", targetId: ids.items["item-paneer"]!, choice: { kind: "indefinitely" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.menu.syncRuns({ restaurantId: tenant.restaurant.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the owner (and staff) can 86; the menu shows it", async () => {
    const owner = callerFor(t.db, tenant.user);
    const res = await owner.menu.setAvailability({ restaurantId: tenant.restaurant.id, targetType: "variation", targetId: ids.variations["var-paneer-lg"]!, choice: { kind: "for", minutes: 60 } });
    expect(res.available).toBe(false);
    const menu = await owner.menu.get({ restaurantId: tenant.restaurant.id });
    const large = menu.categories[0]!.items[0]!.variations.find((v) => v.name === "Large")!;
    expect(large.available).toBe(false);
    expect(large.snoozedUntil!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(menu.connection).toMatchObject({ provider: "petpooja", canPushAvailability: true });
  });
});
