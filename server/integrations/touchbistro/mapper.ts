/**
 * Canonical order → the TouchBistro partner order body, and a partner order → our snapshot.
 * The body follows the only TouchBistro order shape on record, the cloud API's bills [ref §3]:
 * `order_items[{uuid, parent_id, menu_item, quantity:"1.0", total:"2.0"}]` with modifiers as
 * order_items linked by `parent_id`, money as decimal strings, `sub_total`/`taxes`/`total`. The
 * create-order envelope itself is [U] (no public injection API): CONFIRM.md.
 */
import { AppError } from "~/server/errors";
import type { CanonicalOrder, PosOrderSnapshot } from "../types";
import { toDecimalString } from "./money";
import { TOUCHBISTRO_DEFAULT_STATUS_MAP, type TouchbistroSettings } from "./provider";

export type TouchbistroOrderItem = {
  uuid: string;
  parent_id: string | null;
  simple_modifier: boolean;
  menu_item: string;
  menu_item_id?: string;
  menu_item_variation_id?: string;
  quantity: string;
  price: string | number;
  total: string | number;
  notes?: string;
};

export type TouchbistroOrderBody = {
  /** Our order id: the idempotency key and the reference TouchBistro shows. */
  external_reference: string;
  external_order_number: string;
  source: string;
  order_type: string;
  currency: string;
  placed_at: string;
  customer: { name: string; phone?: string; email?: string } | null;
  delivery_address?: Record<string, string>;
  notes?: string;
  order_items: TouchbistroOrderItem[];
  sub_total: string | number;
  taxes: string | number;
  delivery_fee: string | number;
  tip: string | number;
  discounts_total: string | number;
  total: string | number;
};

/** Quantity as the bills API writes it ("1.0"). */
const qty = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

export function toOrderBody(order: CanonicalOrder, s: Pick<TouchbistroSettings, "money_format" | "order_types">): TouchbistroOrderBody {
  if (!order.items.length) {
    throw new AppError("PROVIDER_REJECTED", "A TouchBistro order needs at least one item", { details: { httpStatus: null, vendorCode: "NO_ITEMS" } });
  }
  const money = (minor: number) => (s.money_format === "minor_int" ? minor : toDecimalString(minor, order.currency));
  const items: TouchbistroOrderItem[] = [];
  order.items.forEach((it, i) => {
    const uuid = `${order.id}:${i + 1}`;
    items.push({
      uuid,
      parent_id: null,
      simple_modifier: false,
      menu_item: it.name,
      ...(it.posItemId ? { menu_item_id: it.posItemId } : {}),
      ...(it.posVariationId ? { menu_item_variation_id: it.posVariationId } : {}),
      quantity: qty(it.quantity),
      price: money(it.unitPrice),
      total: money(it.unitPrice * it.quantity),
      ...(it.note ? { notes: it.note } : {}),
    });
    it.modifiers.forEach((m, j) => {
      // A modifier's quantity is per unit of its parent line.
      const count = m.quantity * it.quantity;
      items.push({
        uuid: `${uuid}:${j + 1}`,
        parent_id: uuid,
        simple_modifier: true,
        menu_item: m.name,
        ...(m.posModifierId ? { menu_item_id: m.posModifierId } : {}),
        quantity: qty(count),
        price: money(m.price),
        total: money(m.price * count),
      });
    });
  });
  return {
    external_reference: order.id,
    external_order_number: order.externalId,
    source: order.sourceName,
    order_type: s.order_types[order.type],
    currency: order.currency.toUpperCase(),
    placed_at: order.placedAt.toISOString(),
    customer: order.customer,
    ...(order.deliveryAddress ? { delivery_address: order.deliveryAddress } : {}),
    ...(order.specialInstructions ? { notes: order.specialInstructions } : {}),
    order_items: items,
    sub_total: money(order.totals.subtotal),
    taxes: money(order.totals.tax),
    delivery_fee: money(order.totals.deliveryFee),
    tip: money(order.totals.tip),
    discounts_total: money(order.totals.discount),
    total: money(order.totals.total),
  };
}

const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : typeof v === "number" ? String(v) : undefined);

/** [U] The order object: `{order:{…}}` or the object itself. */
export function orderObjectOf(json: Record<string, unknown>): Record<string, unknown> {
  return rec(json.order) ?? json;
}

/** [U] TouchBistro's order id: `id`, `uuid` or `order_id`. */
export function posOrderIdOf(o: Record<string, unknown>): string | undefined {
  return str(o.id) ?? str(o.uuid) ?? str(o.order_id);
}

export function statusOf(vendorState: string, s: Pick<TouchbistroSettings, "status_map">) {
  const key = vendorState.trim().toLowerCase();
  const custom = Object.fromEntries(Object.entries(s.status_map).map(([k, v]) => [k.toLowerCase(), v]));
  return custom[key] ?? TOUCHBISTRO_DEFAULT_STATUS_MAP[key] ?? null;
}

export function toSnapshot(json: Record<string, unknown>, s: Pick<TouchbistroSettings, "status_map">, requestedId: string): PosOrderSnapshot {
  const o = orderObjectOf(json);
  const vendorState = str(o.status) ?? str(o.state) ?? "";
  const at = str(o.updated_at) ?? str(o.status_updated_at);
  const updatedAt = at && !Number.isNaN(Date.parse(at)) ? new Date(at) : undefined;
  return { posOrderId: posOrderIdOf(o) ?? requestedId, status: vendorState ? statusOf(vendorState, s) : null, vendorState, ...(updatedAt ? { updatedAt } : {}) };
}
