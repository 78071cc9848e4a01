import { intakeOrder } from "~/server/orders/intake";
import { ok } from "~/server/rest/envelope";
import { apiRoute } from "~/server/rest/handler";
import { toOrderSummary } from "~/server/rest/resources/order-summary";
import { createOrderRoute } from "~/server/rest/routes";

/** POST /api/v1/orders — the marketplace sends an order; a resend of external_id returns the same one. */
export const POST = apiRoute(createOrderRoute, async ({ db, caller, body }) => {
  const { order, job, created } = await intakeOrder(db, caller.organizationId, {
    restaurantId: body.restaurant_id,
    externalId: body.external_id,
    currency: body.currency,
    customer: body.customer,
    type: body.type,
    items: body.items.map((i) => ({ dishId: i.dish_id, name: i.name, quantity: i.quantity, unitPrice: i.unit_price, modifiers: i.modifiers ?? [], note: i.note })),
    specialInstructions: body.special_instructions,
    deliveryAddress: body.delivery_address,
    tax: body.tax,
    deliveryFee: body.delivery_fee,
    tip: body.tip,
    discount: body.discount,
    source: caller.kind === "api_key" ? "marketplace" : "seller",
  });
  const data = { order: toOrderSummary(order, job) };
  return created ? ok(data, "Order received", 201) : ok(data, "Order already received");
});
