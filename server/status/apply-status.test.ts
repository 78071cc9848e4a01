import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderStatusHistory, orders } from "~/db/schema";
import { createOrder } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { applyPosStatus } from "./apply-status";

let t: TestDb;
let orderId: string;
beforeAll(async () => {
  t = await createTestDb();
  const tenant = await makeTenant(t.db);
  const { order } = await createOrder(t.db, tenant.org.id, {
    restaurantId: tenant.restaurant.id,
    externalId: "S-1",
    currency: "USD",
    customer: { name: "A" },
    type: "pickup",
    items: [{ name: "Dosa", quantity: 1, unitPrice: 900 }],
  });
  orderId = order.id;
});
afterAll(() => t.dispose());

const history = async () =>
  (await t.db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId))).map((h) => `${h.fromStatus ?? "-"}>${h.toStatus}:${h.changedBy}`);

describe("applyPosStatus", () => {
  it("applies forward moves with history, ignores replays and regressions, stops at terminal", async () => {
    expect((await applyPosStatus(t.db, { orderId, status: "confirmed", changedBy: "square_webhook" })).verdict).toBe("apply");
    expect((await applyPosStatus(t.db, { orderId, status: "confirmed", changedBy: "square_webhook" })).verdict).toBe("same");
    expect((await applyPosStatus(t.db, { orderId, status: "ready", changedBy: "square_webhook" })).verdict).toBe("apply");
    expect((await applyPosStatus(t.db, { orderId, status: "preparing", changedBy: "square_webhook" })).verdict).toBe("stale");
    const done = new Date("2026-11-21T12:00:00Z");
    expect((await applyPosStatus(t.db, { orderId, status: "completed", changedBy: "square_webhook", occurredAt: done })).verdict).toBe("apply");
    expect((await applyPosStatus(t.db, { orderId, status: "cancelled", changedBy: "seller:x", reason: "late" })).verdict).toBe("terminal");
    const [o] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    expect(o).toMatchObject({ status: "completed", completedAt: done, cancelledAt: null });
    expect(await history()).toEqual([
      "->placed:marketplace",
      "placed>confirmed:square_webhook",
      "confirmed>ready:square_webhook",
      "ready>completed:square_webhook",
    ]);
  });

  it("concurrent updates from the same starting point apply once", async () => {
    const tenant = await makeTenant(t.db);
    const { order } = await createOrder(t.db, tenant.org.id, {
      restaurantId: tenant.restaurant.id,
      externalId: "S-2",
      currency: "USD",
      customer: { name: "B" },
      type: "pickup",
      items: [{ name: "Idli", quantity: 1, unitPrice: 500 }],
    });
    const results = await Promise.all([
      applyPosStatus(t.db, { orderId: order.id, status: "confirmed", changedBy: "a" }),
      applyPosStatus(t.db, { orderId: order.id, status: "confirmed", changedBy: "b" }),
    ]);
    expect(results.map((r) => r.verdict).sort()).toEqual(["apply", "same"]);
  });
});
