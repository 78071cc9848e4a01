import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notifications } from "~/db/schema";
import { createOrder } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";

let t: TestDb;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
vi.mock("~/db", () => ({ getDb: async () => t.db }));

beforeAll(async () => {
  t = await createTestDb();
  tenant = await makeTenant(t.db);
});
afterAll(() => t.dispose());

async function run(orderId: string, to: string) {
  const { orderStatusNotifications } = await import("./order-status-notifications");
  const engine = new InngestTestEngine({
    function: orderStatusNotifications,
    events: [{ name: "switchboard/order.status-changed", data: { orderId, from: "preparing", to, changedBy: "pos" } }],
  });
  return engine.execute();
}

describe("order-status-notifications function", () => {
  it("queues the customer's SMS and email as pending rows for the delivery job", async () => {
    const { order } = await createOrder(t.db, tenant.org.id, {
      restaurantId: tenant.restaurant.id,
      externalId: "OSN-1",
      currency: "USD",
      customer: { name: "Asha", phone: "+14155550111", email: "asha@example.com" },
      type: "delivery",
      deliveryAddress: { line1: "1 Main St" },
      items: [{ name: "Thali", quantity: 1, unitPrice: 1200 }],
    });
    const { result, error } = await run(order.id, "out_for_delivery");
    expect(error).toBeUndefined();
    expect(result).toEqual({ queued: 2 });
    const rows = (await t.db.select().from(notifications)).filter((n) => n.orderId === order.id);
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ["email", "pending"],
      ["sms", "pending"],
    ]);
  });

  it("queues nothing for a status customers do not hear about", async () => {
    const { order } = await createOrder(t.db, tenant.org.id, {
      restaurantId: tenant.restaurant.id,
      externalId: "OSN-2",
      currency: "USD",
      customer: { name: "Ben", phone: "+14155550112" },
      type: "pickup",
      items: [{ name: "Dosa", quantity: 1, unitPrice: 800 }],
    });
    const { result } = await run(order.id, "preparing");
    expect(result).toEqual({ queued: 0 });
  });
});
