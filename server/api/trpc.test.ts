import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { callerFor, makeAdmin, makeTenant } from "~/server/testing/factories";

let t: TestDb;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let staff: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  t = await createTestDb();
  a = await makeTenant(t.db, { name: "Alpha" });
  b = await makeTenant(t.db, { name: "Bravo" });
  staff = await makeTenant(t.db, { role: "staff" });
  await t.db.insert(orders).values({
    organizationId: b.org.id,
    restaurantId: b.restaurant.id,
    externalId: "B-1",
    type: "pickup",
    currency: "USD",
    subtotalAmount: 1000,
    totalAmount: 1000,
    customerName: "Bravo customer",
  });
});
afterAll(() => t.dispose());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`),
  );

describe("procedure ladder", () => {
  it("signed-out callers get UNAUTHORIZED", async () => {
    expect(await codeOf(callerFor(t.db, null).restaurants.list())).toBe("UNAUTHORIZED");
  });

  it("a user with no organization gets FORBIDDEN on org procedures", async () => {
    const admin = await makeAdmin(t.db);
    expect(await codeOf(callerFor(t.db, admin).restaurants.list())).toBe("FORBIDDEN");
  });

  it("org procedures see only the caller's organization", async () => {
    const list = await callerFor(t.db, a.user).restaurants.list();
    expect(list.map((r) => r.id)).toEqual([a.restaurant.id]);
  });

  it("another tenant's restaurant is NOT_FOUND for every restaurant-scoped procedure", async () => {
    const asA = callerFor(t.db, a.user);
    expect(await codeOf(asA.orders.list({ restaurantId: b.restaurant.id }))).toBe("NOT_FOUND");
    expect(await codeOf(asA.overview.restaurant({ restaurantId: b.restaurant.id }))).toBe("NOT_FOUND");
    // …while the owner sees their own order.
    const own = await callerFor(t.db, b.user).orders.list({ restaurantId: b.restaurant.id });
    expect(own.orders.map((o) => o.externalId)).toEqual(["B-1"]);
  });

  it("role gates: staff cannot create a restaurant, an owner can", async () => {
    const input = { name: "New spot", currency: "usd", timezone: "UTC" };
    expect(await codeOf(callerFor(t.db, staff.user).restaurants.create(input))).toBe("FORBIDDEN");
    const created = await callerFor(t.db, a.user).restaurants.create(input);
    expect(created).toMatchObject({ organizationId: a.org.id, currency: "USD" });
  });

  it("admin procedures refuse sellers and accept platform admins", async () => {
    expect(await codeOf(callerFor(t.db, a.user).admin.overview())).toBe("FORBIDDEN");
    const admin = await makeAdmin(t.db);
    const overview = await callerFor(t.db, admin).admin.overview();
    expect(overview.organizations).toBeGreaterThanOrEqual(3);
  });

  it("malformed input is BAD_REQUEST carrying the zod issues", async () => {
    const err = await callerFor(t.db, a.user)
      .orders.list({ restaurantId: "not-a-uuid" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(
      await codeOf(callerFor(t.db, a.user).restaurants.create({ name: "x", currency: "dollars", timezone: "UTC" })),
    ).toBe("BAD_REQUEST");
  });
});
