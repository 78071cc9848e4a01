/**
 * Orders API of the fake: CreateOrder, RetrieveOrder, UpdateOrder, validated and priced like
 * Square [reference §1.2; reference/square/orders/CreateOrder, update-order].
 */
import { asRecord, badRequest, idempotent, newId, notFound, nowIso, ok, type FakeContext, type FakeResponse } from "./fake-http";
import { catalogIndex } from "./fake-seed";
import type { WireFulfillment, WireLineItem, WireModifier, WireMoney, WireOrder } from "./fake-types";

const FULFILLMENT_TYPES = ["PICKUP", "SHIPMENT", "DELIVERY", "IN_STORE"];
const FULFILLMENT_STATES = ["PROPOSED", "RESERVED", "PREPARED", "COMPLETED", "CANCELED", "FAILED"];
const QUANTITY = /^\d{1,6}(\.\d{1,5})?$/;

class Invalid extends Error {
  constructor(readonly res: FakeResponse) {
    super("invalid");
  }
}
const fail = (code: string, detail: string, field: string): never => {
  throw new Invalid(badRequest(code, detail, field));
};

function money(v: unknown, field: string, currency: string): WireMoney {
  const m = asRecord(v);
  if (!m) return fail("EXPECTED_OBJECT", `Expected an object.`, field);
  // Integer minor units only [SDK Money.ts]: "12.5" or 12.5 is a client bug Square rejects.
  if (typeof m.amount !== "number" || !Number.isSafeInteger(m.amount)) return fail("EXPECTED_INTEGER", "Expected an integer amount.", `${field}.amount`);
  if (m.currency !== currency) return fail("INVALID_VALUE", `Currency must be the location's currency ${currency}.`, `${field}.currency`);
  return { amount: m.amount, currency };
}

function quantity(v: unknown, field: string, allowZero: boolean): string {
  // A string, not a number [SDK OrderLineItem.ts `quantity`].
  if (typeof v !== "string") return fail("EXPECTED_STRING", "Expected a string.", field);
  if (!QUANTITY.test(v) || (!allowZero && Number(v) <= 0)) return fail("INVALID_VALUE", "Invalid quantity.", field);
  return v;
}

const times = (m: WireMoney, q: number): WireMoney => ({ amount: Math.round(m.amount * q), currency: m.currency });

function lineItem(raw: unknown, i: number, ctx: FakeContext, currency: string): WireLineItem {
  const field = `order.line_items[${i}]`;
  const l = asRecord(raw) ?? fail("EXPECTED_OBJECT", "Expected an object.", field);
  const qty = quantity(l.quantity, `${field}.quantity`, false);
  const catalog = catalogIndex(ctx.state.catalog);
  const variation = typeof l.catalog_object_id === "string" ? catalog.get(l.catalog_object_id) : undefined;
  if (l.catalog_object_id !== undefined && variation?.type !== "ITEM_VARIATION") {
    throw new Invalid(notFound(`Item variation with catalog object ID \`${String(l.catalog_object_id)}\` not found.`, `${field}.catalog_object_id`));
  }
  if (!variation && (typeof l.name !== "string" || l.base_price_money === undefined)) {
    return fail("MISSING_REQUIRED_PARAMETER", "Ad hoc line items need a name and base_price_money.", `${field}.base_price_money`);
  }
  const catalogPrice = variation?.item_variation_data?.price_money;
  const base = l.base_price_money !== undefined ? money(l.base_price_money, `${field}.base_price_money`, currency) : (catalogPrice ?? { amount: 0, currency });
  const modifiers = (Array.isArray(l.modifiers) ? l.modifiers : []).map((m, j) => modifier(m, `${field}.modifiers[${j}]`, catalog, currency));
  const perUnit = base.amount + modifiers.reduce((s, m) => s + m.total_price_money.amount, 0);
  const gross = times({ amount: perUnit, currency }, Number(qty));
  return {
    uid: newId("", 22),
    ...(variation ? { catalog_object_id: variation.id, name: variation.parentName, variation_name: variation.item_variation_data?.name } : { name: l.name as string }),
    quantity: qty,
    ...(typeof l.note === "string" ? { note: l.note } : {}),
    ...(modifiers.length ? { modifiers } : {}),
    base_price_money: base,
    gross_sales_money: gross,
    total_money: gross,
  };
}

function modifier(raw: unknown, field: string, catalog: ReturnType<typeof catalogIndex>, currency: string): WireModifier {
  const m = asRecord(raw) ?? fail("EXPECTED_OBJECT", "Expected an object.", field);
  const qty = m.quantity === undefined ? "1" : quantity(m.quantity, `${field}.quantity`, true);
  const known = typeof m.catalog_object_id === "string" ? catalog.get(m.catalog_object_id) : undefined;
  if (m.catalog_object_id !== undefined && known?.type !== "MODIFIER") {
    throw new Invalid(notFound(`Modifier with catalog object ID \`${String(m.catalog_object_id)}\` not found.`, `${field}.catalog_object_id`));
  }
  // base_price_money is required ad hoc and overrides the catalog price [SDK OrderLineItemModifier.ts].
  if (!known && (typeof m.name !== "string" || m.base_price_money === undefined)) return fail("MISSING_REQUIRED_PARAMETER", "Ad hoc modifiers need a name and base_price_money.", field);
  const base = m.base_price_money !== undefined ? money(m.base_price_money, `${field}.base_price_money`, currency) : (known?.modifier_data?.price_money ?? { amount: 0, currency });
  return { uid: newId("", 22), ...(known ? { catalog_object_id: known.id, name: known.modifier_data?.name } : { name: m.name as string }), quantity: qty, base_price_money: base, total_price_money: times(base, Number(qty)) };
}

function fulfillments(raw: unknown): WireFulfillment[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return fail("EXPECTED_ARRAY", "Expected an array.", "order.fulfillments");
  if (raw.length > 1) return fail("INVALID_VALUE", "Only one fulfillment can be specified at creation.", "order.fulfillments");
  return raw.map((f, i) => {
    const r = asRecord(f) ?? fail("EXPECTED_OBJECT", "Expected an object.", `order.fulfillments[${i}]`);
    if (typeof r.type !== "string" || !FULFILLMENT_TYPES.includes(r.type)) return fail("INVALID_ENUM_VALUE", "Invalid fulfillment type.", `order.fulfillments[${i}].type`);
    const state = typeof r.state === "string" ? r.state : "PROPOSED";
    if (!FULFILLMENT_STATES.includes(state)) return fail("INVALID_ENUM_VALUE", "Invalid fulfillment state.", `order.fulfillments[${i}].state`);
    return { ...(r as object), uid: typeof r.uid === "string" ? r.uid : newId("", 22), type: r.type, state } as WireFulfillment;
  });
}

function metadata(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  const m = asRecord(raw) ?? fail("EXPECTED_MAP", "Expected a map.", "order.metadata");
  // ≤10 entries, keys ≤60 chars [a-zA-Z0-9_-], values ≤255 [SDK Order.ts `metadata`].
  if (Object.keys(m).length > 10) fail("INVALID_VALUE", "At most 10 metadata entries.", "order.metadata");
  for (const [k, v] of Object.entries(m)) {
    if (k.length > 60 || !/^[a-zA-Z0-9_-]+$/.test(k)) fail("INVALID_VALUE", `Invalid metadata key ${k}.`, "order.metadata");
    if (typeof v !== "string" || v.length > 255) fail("INVALID_VALUE", `Invalid metadata value for ${k}.`, `order.metadata.${k}`);
  }
  return m as Record<string, string>;
}

export function createOrder(ctx: FakeContext): FakeResponse {
  const body = asRecord(ctx.req.json);
  if (!body) return badRequest("EXPECTED_JSON_BODY", "The request body must be JSON.");
  if (typeof body.idempotency_key !== "string" || !body.idempotency_key) return badRequest("MISSING_REQUIRED_PARAMETER", "Missing idempotency_key.", "idempotency_key");
  return idempotent(ctx, "CreateOrder", body.idempotency_key, () => {
    try {
      const o = asRecord(body.order) ?? fail("MISSING_REQUIRED_PARAMETER", "Missing order.", "order");
      const location = ctx.state.locations.find((l) => l.id === o.location_id);
      if (!location) return notFound(`Location \`${String(o.location_id)}\` not found.`, "order.location_id");
      const lines = (Array.isArray(o.line_items) ? o.line_items : []).map((l, i) => lineItem(l, i, ctx, location.currency));
      const total = { amount: lines.reduce((s, l) => s + l.total_money.amount, 0), currency: location.currency };
      const zero = { amount: 0, currency: location.currency };
      const at = nowIso();
      const order: WireOrder = {
        id: newId("", 29),
        location_id: location.id,
        ...(typeof o.reference_id === "string" ? { reference_id: o.reference_id } : {}),
        ...(asRecord(o.source) ? { source: o.source as { name?: string } } : {}),
        line_items: lines,
        fulfillments: fulfillments(o.fulfillments),
        ...(o.metadata !== undefined ? { metadata: metadata(o.metadata) } : {}),
        tenders: [],
        state: "OPEN",
        version: 1,
        created_at: at,
        updated_at: at,
        total_money: total,
        total_tax_money: zero,
        total_discount_money: zero,
        total_tip_money: zero,
        total_service_charge_money: zero,
        net_amount_due_money: total,
      };
      ctx.state.orders.set(order.id, order);
      // Fired only by CreateOrder [reference §1.3]; a thin notice, not the order.
      ctx.notify("order.created", { type: "order", id: order.id, object: { order_created: orderNotice(order) } });
      return ok({ order });
    } catch (err) {
      if (err instanceof Invalid) return err.res;
      throw err;
    }
  });
}

export function orderNotice(o: WireOrder): Record<string, unknown> {
  return { order_id: o.id, location_id: o.location_id, state: o.state, version: o.version, created_at: o.created_at, updated_at: o.updated_at };
}

export function getOrder(ctx: FakeContext): FakeResponse {
  const order = ctx.state.orders.get(ctx.params[0] ?? "");
  return order ? ok({ order }) : notFound(`Order \`${ctx.params[0]}\` not found.`);
}

export { updateOrder } from "./fake-order-update";
