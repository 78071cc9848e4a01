/**
 * The Square PosAdapter on the official SDK. Reaches Square only through `ctx.baseUrl` (see
 * sdk.ts), so the same code talks to Square, its sandbox and our fake.
 */
import type { Square } from "square";
import { AppError, isAppError } from "~/server/errors";
import type { AdapterContext, CanonicalOrder, PosAdapter, PushOrderResult } from "../types";
import { callSquare } from "./error-map";
import { toCreateOrderRequest } from "./mapper";
import { fromSquareAmount, toSquareMoney } from "./money";
import { fetchSquareMenu } from "./menu";
import { derivedIdempotencyKey } from "./idempotency";
import { setSquareAvailability } from "./availability";
import { SQUARE_EXTERNAL_PAYMENT_SOURCE, squareConfigOf } from "./provider";
import { requireLocationId, squareFor } from "./sdk";
import { squareStatusOf, squareVendorState } from "./status-map";

export { squareOAuth } from "./oauth";

async function pushOrder(ctx: AdapterContext, order: CanonicalOrder, opts: { idempotencyKey: string }): Promise<PushOrderResult> {
  const config = squareConfigOf(ctx);
  const locationId = requireLocationId(ctx);
  const { client, options } = squareFor(ctx);
  const request = toCreateOrderRequest(order, { locationId, idempotencyKey: opts.idempotencyKey, prepTimeMinutes: config.prepTimeMinutes });
  // Same key + same body returns the original order, so a retry after a timeout never creates a
  // second one [docs/build-basics/common-api-patterns/idempotency].
  const { order: created } = await callSquare("CreateOrder", () => client.orders.create(request, options));
  if (!created?.id) throw new AppError("PROVIDER_UNAVAILABLE", "Square CreateOrder returned no order id", { details: { httpStatus: 200, vendorCode: "NO_ORDER_ID" } });
  const total = created.totalMoney;
  const summary: Record<string, unknown> = {
    squareOrderId: created.id,
    state: created.state,
    version: created.version,
    total: fromSquareAmount(total?.amount),
    currency: total?.currency,
  };
  // A zero total needs no payment (and Square does not take zero-amount payments).
  if (!config.markPaidExternally || !total || !fromSquareAmount(total.amount)) {
    return { posOrderId: created.id, summary };
  }
  try {
    // An API order shows on the POS only when paid [forum t/20857]; EXTERNAL records money the
    // seller received elsewhere, here the marketplace [docs/app-marketplace/requirements/orders-api].
    // Its own idempotency key, derived from the order's, makes the pair safe to retry as a whole.
    const { payment } = await callSquare("CreatePayment", () =>
      client.payments.create(
        {
          sourceId: "EXTERNAL",
          idempotencyKey: derivedIdempotencyKey(opts.idempotencyKey, "pay"),
          // Square's own total (it priced catalog lines and may add its taxes), so the order is paid in full.
          amountMoney: toSquareMoney(fromSquareAmount(total.amount) ?? 0, total.currency ?? order.currency),
          orderId: created.id,
          locationId,
          referenceId: order.id,
          externalDetails: { type: "OTHER", source: SQUARE_EXTERNAL_PAYMENT_SOURCE },
          autocomplete: true,
        },
        options,
      ),
    );
    return { posOrderId: created.id, summary: { ...summary, paymentId: payment?.id, paymentStatus: payment?.status } };
  } catch (err) {
    if (!isAppError(err)) throw err;
    // Say that the order exists: a rejected payment leaves an unpaid order the seller may not see.
    throw new AppError(err.code, `Square order ${created.id} created but not paid: ${err.message}`, {
      cause: err,
      retryAfterMs: err.retryAfterMs,
      details: { ...err.details, posOrderId: created.id },
    });
  }
}

function snapshotOf(order: Square.Order) {
  // Square allows one fulfillment on create [reference §1.2]; ours is the first.
  const fulfillmentState = order.fulfillments?.[0]?.state ?? null;
  const states = { orderState: order.state ?? null, fulfillmentState };
  return {
    posOrderId: order.id ?? "",
    status: squareStatusOf(states),
    vendorState: squareVendorState(states),
    updatedAt: order.updatedAt ? new Date(order.updatedAt) : undefined,
  };
}

async function retrieveOrder(ctx: AdapterContext, posOrderId: string): Promise<Square.Order> {
  const { client, options } = squareFor(ctx);
  const { order } = await callSquare("RetrieveOrder", () => client.orders.get({ orderId: posOrderId }, options));
  if (!order) throw new AppError("PROVIDER_REJECTED", `Square order ${posOrderId} not found`, { details: { httpStatus: 200, vendorCode: "NOT_FOUND" } });
  return order;
}

/**
 * UpdateOrder with the current `version` (optimistic concurrency), every open fulfillment
 * CANCELED and the order CANCELED [reference §1.2; forum thread 1259]. Each update needs a new
 * idempotency key (a reused one is a silent no-op [docs/orders-api/manage-orders/update-orders]).
 */
async function cancelOrder(ctx: AdapterContext, posOrderId: string, opts: { idempotencyKey: string; reason?: string }): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const order = await retrieveOrder(ctx, posOrderId);
    if (order.state === "CANCELED") return; // already done, e.g. a retry after a timeout
    if (order.state === "COMPLETED") {
      throw new AppError("PROVIDER_REJECTED", `Square order ${posOrderId} is COMPLETED and cannot be canceled`, {
        details: { httpStatus: null, vendorCode: "ORDER_COMPLETED" },
      });
    }
    const { client, options } = squareFor(ctx);
    const fulfillments = (order.fulfillments ?? [])
      .filter((f) => f.uid && f.state !== "COMPLETED" && f.state !== "CANCELED" && f.state !== "FAILED")
      .map((f): Square.Fulfillment => ({ uid: f.uid, state: "CANCELED", ...cancelDetails(f.type, opts.reason) }));
    try {
      await callSquare("UpdateOrder", () =>
        client.orders.update(
          {
            orderId: posOrderId,
            idempotencyKey: attempt === 0 ? opts.idempotencyKey : derivedIdempotencyKey(opts.idempotencyKey, `retry${attempt}`),
            order: { locationId: order.locationId, version: order.version, state: "CANCELED", fulfillments },
          },
          options,
        ),
      );
      return;
    } catch (err) {
      // Someone (the kitchen) changed the order between our read and write: re-read once.
      // The exact code for a stale version on Orders is UNCONFIRMED [reference §1.7].
      const vendorCode = isAppError(err) ? err.details?.vendorCode : undefined;
      if (attempt === 0 && vendorCode === "VERSION_MISMATCH") continue;
      throw err;
    }
  }
}

/** `cancel_reason` lives in the type-specific details [SDK FulfillmentPickupDetails.ts]. */
function cancelDetails(type: string | undefined, reason: string | undefined): Partial<Square.Fulfillment> {
  // 100 chars is Square's documented maximum for cancel_reason (UNCONFIRMED in our reference).
  const cancelReason = reason?.slice(0, 100);
  if (!cancelReason) return {};
  if (type === "PICKUP") return { pickupDetails: { cancelReason } };
  if (type === "DELIVERY") return { deliveryDetails: { cancelReason } };
  return {};
}

async function listLocations(ctx: AdapterContext) {
  const { client, options } = squareFor(ctx);
  const { locations } = await callSquare("ListLocations", () => client.locations.list(options));
  return (locations ?? []).flatMap((l) =>
    l.id ? [{ id: l.id, name: l.name ?? l.businessName ?? l.id, currency: l.currency, timezone: l.timezone ?? undefined, active: l.status === "ACTIVE" }] : [],
  );
}

async function healthCheck(ctx: AdapterContext) {
  const started = performance.now();
  try {
    await listLocations(ctx);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    const detail = isAppError(err) ? `${err.code}: ${err.message}` : "unexpected error";
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail };
  }
}

export const squareAdapter: PosAdapter = {
  pushOrder,
  getOrder: async (ctx, posOrderId) => snapshotOf(await retrieveOrder(ctx, posOrderId)),
  cancelOrder,
  listLocations,
  fetchMenu: fetchSquareMenu,
  healthCheck,
  setAvailability: setSquareAvailability,
};
