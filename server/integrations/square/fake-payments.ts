/**
 * CreatePayment in the fake, for money received outside Square: `source_id` "EXTERNAL" (with
 * `external_details`) or "CASH" [SDK CreatePaymentRequest.ts `source_id`]. Card sources need
 * Square's card stack and are refused. Idempotent like every Square create.
 */
import { asRecord, badRequest, idempotent, newId, notFound, nowIso, ok, type FakeContext, type FakeResponse } from "./fake-http";
import type { WirePayment } from "./fake-types";

// [SDK ExternalPaymentDetails.ts `type`]
const EXTERNAL_TYPES = ["CHECK", "BANK_TRANSFER", "OTHER_GIFT_CARD", "CRYPTO", "SQUARE_CASH", "SOCIAL", "EXTERNAL", "EMONEY", "CARD", "STORED_BALANCE", "FOOD_VOUCHER", "OTHER"];

export function createPayment(ctx: FakeContext): FakeResponse {
  const body = asRecord(ctx.req.json);
  if (!body) return badRequest("EXPECTED_JSON_BODY", "The request body must be JSON.");
  if (typeof body.idempotency_key !== "string" || !body.idempotency_key) return badRequest("MISSING_REQUIRED_PARAMETER", "Missing idempotency_key.", "idempotency_key");
  return idempotent(ctx, "CreatePayment", body.idempotency_key, () => pay(ctx, body));
}

function pay(ctx: FakeContext, body: Record<string, unknown>): FakeResponse {
  if (body.source_id !== "EXTERNAL" && body.source_id !== "CASH") return badRequest("INVALID_VALUE", "The fake only takes EXTERNAL or CASH sources.", "source_id");
  const external = asRecord(body.external_details);
  if (body.source_id === "EXTERNAL") {
    if (!external || typeof external.source !== "string") return badRequest("MISSING_REQUIRED_PARAMETER", "external_details with type and source is required.", "external_details");
    if (typeof external.type !== "string" || !EXTERNAL_TYPES.includes(external.type)) return badRequest("INVALID_ENUM_VALUE", "Invalid external_details.type.", "external_details.type");
  }
  const amount = asRecord(body.amount_money);
  if (!amount || typeof amount.amount !== "number" || !Number.isSafeInteger(amount.amount)) return badRequest("EXPECTED_INTEGER", "amount_money.amount must be an integer.", "amount_money.amount");
  if (amount.amount <= 0) return badRequest("INVALID_VALUE", "amount_money must be greater than zero.", "amount_money.amount");
  const order = typeof body.order_id === "string" ? ctx.state.orders.get(body.order_id) : undefined;
  if (body.order_id !== undefined && !order) return notFound(`Order \`${String(body.order_id)}\` not found.`, "order_id");
  const locationId = typeof body.location_id === "string" ? body.location_id : (order?.location_id ?? ctx.state.locations[0]?.id ?? "");
  const location = ctx.state.locations.find((l) => l.id === locationId);
  if (!location || (order && order.location_id !== locationId)) return badRequest("INVALID_VALUE", "location_id does not match the order's location.", "location_id");
  const money = { amount: amount.amount, currency: String(amount.currency ?? location.currency) };
  if (order) {
    if (order.state !== "OPEN") return badRequest("BAD_REQUEST", `Order in state ${order.state} cannot be paid.`, "order_id");
    if (money.currency !== order.total_money.currency) return badRequest("INVALID_VALUE", "Currency does not match the order.", "amount_money.currency");
    if (money.amount > order.net_amount_due_money.amount) return badRequest("INVALID_VALUE", "The payment amount exceeds the order's amount due.", "amount_money.amount");
  }
  const at = nowIso();
  const payment: WirePayment = {
    id: newId("", 28),
    created_at: at,
    updated_at: at,
    amount_money: money,
    total_money: money,
    status: body.autocomplete === false ? "APPROVED" : "COMPLETED",
    source_type: body.source_id === "EXTERNAL" ? "EXTERNAL" : "CASH",
    ...(external ? { external_details: external as WirePayment["external_details"] } : {}),
    location_id: locationId,
    ...(order ? { order_id: order.id } : {}),
    ...(typeof body.reference_id === "string" ? { reference_id: body.reference_id } : {}),
    ...(typeof body.note === "string" ? { note: body.note } : {}),
  };
  ctx.state.payments.set(payment.id, payment);
  if (order) {
    order.tenders.push({ id: newId("", 28), type: "OTHER", amount_money: money, payment_id: payment.id });
    order.net_amount_due_money = { ...order.net_amount_due_money, amount: order.net_amount_due_money.amount - money.amount };
    // A fully paid order without fulfillments is done; with one it stays OPEN for the kitchen
    // (which is why API orders need a fulfillment to show in the Order Manager [forum t/20857]).
    if (order.net_amount_due_money.amount === 0 && order.fulfillments.length === 0) {
      order.state = "COMPLETED";
      order.closed_at = at;
    }
    order.version += 1;
    order.updated_at = at;
    ctx.notify("order.updated", { type: "order", id: order.id, object: { order_updated: { order_id: order.id, location_id: order.location_id, state: order.state, version: order.version, created_at: order.created_at, updated_at: order.updated_at } } });
  }
  return ok({ payment });
}
