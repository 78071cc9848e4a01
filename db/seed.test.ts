import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "~/server/auth/credentials";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { memberships, orderItems, orderStatusHistory, orders, restaurants, users } from "./schema";
import { DEMO_LOGINS, seedDemoData } from "./seed";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

describe("seedDemoData", () => {
  it("creates the demo admin, seller org, two restaurants and consistent orders", async () => {
    expect(await seedDemoData(t.db)).toEqual({ seeded: true });

    const admin = await authenticate(t.db, DEMO_LOGINS.admin);
    expect(admin?.platformRole).toBe("admin");
    const seller = await authenticate(t.db, DEMO_LOGINS.seller);
    expect(seller?.platformRole).toBeNull();

    const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, seller!.id));
    expect(m?.role).toBe("owner");
    expect(await t.db.select().from(restaurants).where(eq(restaurants.organizationId, m!.organizationId))).toHaveLength(2);

    const all = await t.db.query.orders.findMany({ with: { items: true, statusHistory: true } });
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const o of all) {
      const itemsTotal = o.items.reduce((s, i) => s + i.totalPrice, 0);
      expect(o.subtotalAmount).toBe(itemsTotal);
      expect(o.totalAmount).toBe(o.subtotalAmount + o.taxAmount);
      // The history ends at the order's current status.
      const last = [...o.statusHistory].sort((a, b) => +a.createdAt - +b.createdAt).at(-1);
      expect(last?.toStatus).toBe(o.status);
    }
  });

  it("does nothing to a database that already has users", async () => {
    const before = await t.db.select({ n: count() }).from(orders);
    expect(await seedDemoData(t.db)).toEqual({ seeded: false });
    expect(await t.db.select({ n: count() }).from(orders)).toEqual(before);
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(2);
    expect((await t.db.select({ n: count() }).from(orderItems))[0]!.n).toBeGreaterThan(0);
    expect((await t.db.select({ n: count() }).from(orderStatusHistory))[0]!.n).toBeGreaterThan(0);
  });
});
