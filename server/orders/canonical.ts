import type { connections, orderItems, orders } from "~/db/schema";
import type { CanonicalOrder } from "~/server/integrations/types";
import type { PosLineRef } from "~/server/menu/mapping/resolve-order-lines";

type Order = typeof orders.$inferSelect;
type Item = typeof orderItems.$inferSelect;
type Conn = Pick<typeof connections.$inferSelect, "syncCustomerInfo">;

export const SOURCE_NAME = "Switchboard";

/**
 * Our stored order in the shape every adapter takes: the confirmed dish → POS item mappings
 * (`refs`, by dish id, from resolveOrderLines) are applied — an unmapped dish goes by its name
 * (seed 001 "Sync Behavior") — and customer details are left out when the restaurant turned
 * that off (seed 001 `sync_customer_info`).
 */
export function toCanonicalOrder(order: Order, items: Item[], conn: Conn, refs: ReadonlyMap<string, PosLineRef> = new Map()): CanonicalOrder {
  return {
    id: order.id,
    externalId: order.externalId,
    type: order.type,
    currency: order.currency,
    items: items.map((i) => {
      const mapped = i.dishId ? refs.get(i.dishId) : undefined;
      return {
        dishId: i.dishId ?? undefined,
        name: i.name,
        quantity: i.quantity,
        unitPrice: i.unitPrice,
        modifiers: i.modifiers.map((m) => ({ name: m.name, price: m.price, quantity: m.quantity ?? 1 })),
        note: i.note ?? undefined,
        posItemId: mapped?.posItemId,
        posVariationId: mapped?.posVariationId,
      };
    }),
    customer: conn.syncCustomerInfo
      ? { name: order.customerName, phone: order.customerPhone ?? undefined, email: order.customerEmail ?? undefined }
      : null,
    deliveryAddress: order.deliveryAddress ?? undefined,
    specialInstructions: order.specialInstructions ?? undefined,
    totals: {
      subtotal: order.subtotalAmount,
      tax: order.taxAmount,
      deliveryFee: order.deliveryFeeAmount,
      tip: order.tipAmount,
      discount: order.discountAmount,
      total: order.totalAmount,
    },
    placedAt: order.placedAt,
    sourceName: SOURCE_NAME,
  };
}
