/**
 * UpdateOrder in the fake, and the state changes the kitchen makes (advanceOrder), both with
 * Square's rules [reference §1.2 "Updating orders"; docs/orders-api/manage-orders/update-orders]:
 * optimistic concurrency on `version`, a reused idempotency key is a 200 that changes nothing,
 * COMPLETED and CANCELED orders are frozen.
 */
import { asRecord, badRequest, newId, notFound, nowIso, ok, type FakeContext, type FakeResponse } from "./fake-http";
import type { WireOrder } from "./fake-types";

const FULFILLMENT_STATES = ["PROPOSED", "RESERVED", "PREPARED", "COMPLETED", "CANCELED", "FAILED"];
const ORDER_STATES = ["OPEN", "COMPLETED", "CANCELED"];

export type FulfillmentChange = { fulfillment_uid: string; old_state: string; new_state: string };

export function updateOrder(ctx: FakeContext): FakeResponse {
  const order = ctx.state.orders.get(ctx.params[0] ?? "");
  if (!order) return notFound(`Order \`${ctx.params[0]}\` not found.`);
  const body = asRecord(ctx.req.json);
  if (!body) return badRequest("EXPECTED_JSON_BODY", "The request body must be JSON.");
  const key = typeof body.idempotency_key === "string" ? body.idempotency_key : undefined;
  const storeKey = key ? `${ctx.auth?.merchantId}:UpdateOrder:${order.id}:${key}` : undefined;
  const seen = storeKey ? ctx.state.idempotency.get(storeKey) : undefined;
  if (seen) return { status: seen.status, json: seen.body };
  const sparse = asRecord(body.order) ?? {};
  if (sparse.version !== order.version) {
    return badRequest(ctx.state.quirks.versionMismatchCode, `Order version ${String(sparse.version)} does not match the current version ${order.version}.`, "order.version");
  }
  if (order.state === "COMPLETED" || order.state === "CANCELED") {
    return badRequest("BAD_REQUEST", `An order in state ${order.state} cannot be updated.`, "order.state");
  }
  const newState = sparse.state;
  if (newState !== undefined && (typeof newState !== "string" || !ORDER_STATES.includes(newState))) return badRequest("INVALID_ENUM_VALUE", "Invalid order state.", "order.state");
  const updates = Array.isArray(sparse.fulfillments) ? sparse.fulfillments.map(asRecord) : [];
  for (const [i, f] of updates.entries()) {
    if (!f || !order.fulfillments.some((x) => x.uid === f.uid)) return badRequest("INVALID_VALUE", "Unknown fulfillment uid.", `order.fulfillments[${i}].uid`);
    if (f.state !== undefined && (typeof f.state !== "string" || !FULFILLMENT_STATES.includes(f.state))) return badRequest("INVALID_ENUM_VALUE", "Invalid fulfillment state.", `order.fulfillments[${i}].state`);
  }
  const changes: FulfillmentChange[] = [];
  for (const f of updates) {
    const target = order.fulfillments.find((x) => x.uid === f?.uid);
    if (!target || !f) continue;
    for (const detailsKey of ["pickup_details", "delivery_details"] as const) {
      const d = asRecord(f[detailsKey]);
      if (d) target[detailsKey] = { ...target[detailsKey], ...d };
    }
    if (typeof f.state === "string" && f.state !== target.state) {
      changes.push({ fulfillment_uid: target.uid, old_state: target.state, new_state: f.state });
      target.state = f.state;
    }
  }
  if (typeof newState === "string") setOrderState(order, newState as WireOrder["state"]);
  bump(order);
  const res = ok({ order });
  if (storeKey) ctx.state.idempotency.set(storeKey, { fingerprint: JSON.stringify(body), status: 200, body: structuredClone(res.json) });
  notifyChanges(ctx.notify, order, changes);
  return res;
}

/** The kitchen moves the (first) fulfillment; a terminal fulfillment closes the order like Square. */
export function advanceFulfillment(order: WireOrder, newState: string): FulfillmentChange[] {
  if (!FULFILLMENT_STATES.includes(newState)) throw new Error(`Unknown fulfillment state ${newState}`);
  const f = order.fulfillments[0] ?? { uid: newId("", 22), type: "PICKUP", state: "PROPOSED" };
  if (!order.fulfillments.includes(f)) order.fulfillments.push(f);
  const change = { fulfillment_uid: f.uid, old_state: f.state, new_state: newState };
  f.state = newState;
  if (newState === "COMPLETED") setOrderState(order, "COMPLETED");
  if (newState === "CANCELED") setOrderState(order, "CANCELED");
  bump(order);
  return [change];
}

function setOrderState(order: WireOrder, state: WireOrder["state"]): void {
  order.state = state;
  if (state === "COMPLETED" || state === "CANCELED") order.closed_at = nowIso();
}

function bump(order: WireOrder): void {
  order.version += 1;
  order.updated_at = nowIso();
}

/** order.fulfillment.updated per fulfillment change, then order.updated [reference §1.3]. */
export function notifyChanges(notify: FakeContext["notify"], order: WireOrder, changes: FulfillmentChange[]): void {
  const base = { order_id: order.id, version: order.version, location_id: order.location_id, state: order.state, created_at: order.created_at, updated_at: order.updated_at };
  if (changes.length) notify("order.fulfillment.updated", { type: "order", id: order.id, object: { order_fulfillment_updated: { ...base, fulfillment_update: changes } } });
  notify("order.updated", { type: "order", id: order.id, object: { order_updated: base } });
}
