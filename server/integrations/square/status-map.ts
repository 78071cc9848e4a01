/**
 * Square order + fulfillment state → our kitchen lifecycle. Shared by getOrder and webhooks so
 * a status means the same thing whichever way it reached us.
 *
 * OrderState: OPEN | COMPLETED | CANCELED | DRAFT; FulfillmentState: PROPOSED | RESERVED |
 * PREPARED | COMPLETED | CANCELED | FAILED [square-nodejs-sdk OrderState.ts, FulfillmentState.ts].
 */
import type { OrderStatus } from "~/db/schema";

const FULFILLMENT_STATUS: Record<string, OrderStatus> = {
  // Created by us, not yet accepted by the seller.
  PROPOSED: "placed",
  // The seller accepted it in the Order Manager; Square's `accepted_at` is documented as "when
  // the fulfillment was marked in progress" [SDK FulfillmentPickupDetails.ts], so: preparing.
  RESERVED: "preparing",
  PREPARED: "ready",
  COMPLETED: "completed",
  CANCELED: "cancelled",
  // The seller rejected it (Square sets `rejected_at`) or it failed without an explicit cancel.
  FAILED: "rejected",
};

/**
 * The order state wins when it is terminal; otherwise the fulfillment state says where the
 * kitchen is. `null` means "Square told us nothing we can map" (e.g. a bare OPEN or a DRAFT):
 * callers leave our status unchanged rather than guess.
 */
export function squareStatusOf(input: { orderState?: string | null; fulfillmentState?: string | null }): OrderStatus | null {
  if (input.orderState === "CANCELED") return "cancelled";
  if (input.orderState === "COMPLETED") return "completed";
  if (input.orderState === "DRAFT") return null;
  if (input.fulfillmentState) return FULFILLMENT_STATUS[input.fulfillmentState] ?? null;
  return null;
}

/** The vendor state we store next to our status, e.g. "OPEN/PREPARED", for support and audits. */
export function squareVendorState(input: { orderState?: string | null; fulfillmentState?: string | null }): string {
  const order = input.orderState ?? "UNKNOWN";
  return input.fulfillmentState ? `${order}/${input.fulfillmentState}` : order;
}
