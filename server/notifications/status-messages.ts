import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { notifications, orders, restaurants, type OrderStatus } from "~/db/schema";

/** What the customer hears at each step (seed 002: confirmed / ready / dispatched / delivered / cancelled). */
const CUSTOMER_MESSAGES: Partial<Record<OrderStatus, (o: { ref: string; restaurant: string; pickup: boolean }) => string>> = {
  confirmed: (o) => `${o.restaurant} confirmed your order ${o.ref}.`,
  ready: (o) => (o.pickup ? `Your order ${o.ref} from ${o.restaurant} is ready for pickup.` : `Your order ${o.ref} from ${o.restaurant} is ready and waiting for the rider.`),
  out_for_delivery: (o) => `Your order ${o.ref} from ${o.restaurant} is on its way.`,
  delivered: (o) => `Your order ${o.ref} from ${o.restaurant} was delivered. Enjoy!`,
  cancelled: (o) => `Your order ${o.ref} from ${o.restaurant} was cancelled. Any payment will be refunded.`,
  rejected: (o) => `${o.restaurant} could not accept your order ${o.ref}. Any payment will be refunded.`,
};

/**
 * Queue the customer's messages for a status change: SMS when we have a phone, email when we
 * have an address (both when both). Rows are written as `pending` for the delivery job, so a
 * message survives a crash and is retried; statuses customers don't care about queue nothing.
 */
export async function enqueueStatusNotifications(db: Db, orderId: string, status: OrderStatus) {
  const message = CUSTOMER_MESSAGES[status];
  if (!message) return { queued: 0 };
  const [row] = await db
    .select({ order: orders, restaurantName: restaurants.name })
    .from(orders)
    .innerJoin(restaurants, eq(restaurants.id, orders.restaurantId))
    .where(eq(orders.id, orderId));
  if (!row) return { queued: 0 };
  const { order } = row;
  const body = message({ ref: order.externalId, restaurant: row.restaurantName, pickup: order.type !== "delivery" });
  const base = {
    organizationId: order.organizationId,
    restaurantId: order.restaurantId,
    orderId: order.id,
    type: `order.${status}`,
    severity: "info" as const,
    title: `Order ${order.externalId}: ${status.replaceAll("_", " ")}`,
    body,
    status: "pending" as const,
    nextAttemptAt: new Date(),
  };
  const rows = [
    ...(order.customerPhone ? [{ ...base, channel: "sms" as const, recipient: order.customerPhone }] : []),
    ...(order.customerEmail ? [{ ...base, channel: "email" as const, recipient: order.customerEmail }] : []),
  ];
  if (rows.length) await db.insert(notifications).values(rows);
  return { queued: rows.length };
}
