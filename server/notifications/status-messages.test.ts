import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "~/db/schema";
import { createOrder } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { enqueueStatusNotifications } from "./status-messages";

let t: TestDb;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  t = await createTestDb();
  tenant = await makeTenant(t.db);
});
afterAll(() => t.dispose());

const order = (externalId: string, customer: { name: string; phone?: string; email?: string }) =>
  createOrder(t.db, tenant.org.id, {
    restaurantId: tenant.restaurant.id,
    externalId,
    currency: "USD",
    customer,
    type: "delivery",
    deliveryAddress: { line1: "1 Main St" },
    items: [{ name: "Thali", quantity: 1, unitPrice: 1200 }],
  });

describe("enqueueStatusNotifications", () => {
  it("queues an SMS and an email for a customer-facing status, pending for the delivery job", async () => {
    const { order: o } = await order("N-1", { name: "Asha", phone: "+14155550111", email: "asha@example.com" });
    expect(await enqueueStatusNotifications(t.db, o.id, "out_for_delivery")).toEqual({ queued: 2 });
    const rows = (await t.db.select().from(notifications)).filter((n) => n.orderId === o.id);
    expect(rows.map((r) => [r.channel, r.recipient, r.status]).sort()).toEqual([
      ["email", "asha@example.com", "pending"],
      ["sms", "+14155550111", "pending"],
    ]);
    expect(rows[0]!.body).toContain("on its way");
  });

  it("queues nothing for statuses customers do not hear about, or without contact details", async () => {
    const { order: o } = await order("N-2", { name: "Ben" });
    expect(await enqueueStatusNotifications(t.db, o.id, "preparing")).toEqual({ queued: 0 });
    expect(await enqueueStatusNotifications(t.db, o.id, "ready")).toEqual({ queued: 0 });
  });
});
