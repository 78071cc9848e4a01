/**
 * CanonicalOrder → Square CreateOrder request, in the SDK's camelCase shape (the SDK serialises
 * it to the snake_case wire format [square-nodejs-sdk src/api/types/Order.ts]). Pure: no I/O.
 * Rules from seed 001 ("Square Order Example") and ../shared/reference §1.2.
 */
import type { Square } from "square";
import type { CanonicalLineItem, CanonicalModifier, CanonicalOrder } from "../types";
import { toSquareMoney, toSquareQuantity } from "./money";

export { squareStatusOf, squareVendorState } from "./status-map";

export type CreateOrderOptions = { locationId: string; idempotencyKey: string; prepTimeMinutes: number };

export function toCreateOrderRequest(order: CanonicalOrder, opts: CreateOrderOptions): Square.CreateOrderRequest {
  return {
    // CreateOrder allows only `idempotency_key` next to `order` [reference CreateOrderRequest].
    idempotencyKey: opts.idempotencyKey,
    order: {
      locationId: opts.locationId,
      // Our id, so a Square order can always be traced back to ours (seed 001).
      referenceId: order.id,
      source: { name: order.sourceName },
      lineItems: order.items.map((item) => toLineItem(item, order.currency)),
      fulfillments: [toFulfillment(order, opts.prepTimeMinutes)],
      metadata: squareMetadata({
        source: "switchboard",
        switchboard_order_id: order.id,
        marketplace_order_id: order.externalId,
      }),
    },
  };
}

function toLineItem(item: CanonicalLineItem, currency: string): Square.OrderLineItem {
  const quantity = toSquareQuantity(item.quantity);
  const note = item.note || undefined;
  // A mapped dish is sent by its ITEM_VARIATION id and priced by Square's catalog, as in the
  // reference's minimal body; `posItemId` alone is not enough (line items take a variation id
  // [SDK OrderLineItem.ts `catalog_object_id`]), so such a line goes ad hoc.
  if (item.posVariationId) {
    return {
      catalogObjectId: item.posVariationId,
      quantity,
      note,
      modifiers: item.modifiers.map((m) => toModifier(m, currency, true)),
    };
  }
  // Ad-hoc line: name + base price are required (seed 001 example).
  return {
    name: item.name,
    quantity,
    basePriceMoney: toSquareMoney(item.unitPrice, currency),
    note,
    modifiers: item.modifiers.map((m) => toModifier(m, currency, false)),
  };
}

/**
 * Catalog modifiers only on catalog lines (a MODIFIER belongs to the item's modifier list);
 * otherwise ad hoc, where `base_price_money` is required [SDK OrderLineItemModifier.ts].
 * Modifier quantity is per unit of the line item, like ours.
 */
function toModifier(m: CanonicalModifier, currency: string, catalogLine: boolean): Square.OrderLineItemModifier {
  const quantity = toSquareQuantity(m.quantity, { allowZero: true });
  if (catalogLine && m.posModifierId) return { catalogObjectId: m.posModifierId, quantity };
  return { name: m.name, quantity, basePriceMoney: toSquareMoney(m.price, currency) };
}

/**
 * Always one fulfillment (at most 1 is allowed on create [reference §1.2]): an API order shows in
 * the Square POS Order Manager only with a fulfillment AND a payment [forum t/20857], so even
 * dine-in goes as PICKUP. Square has no dine-in type (PICKUP | SHIPMENT | DELIVERY | IN_STORE
 * [SDK FulfillmentType.ts]); IN_STORE's POS behaviour is not documented in our reference, and
 * PICKUP is the documented way to reach the kitchen ticket.
 */
function toFulfillment(order: CanonicalOrder, prepTimeMinutes: number): Square.Fulfillment {
  const prepTimeDuration = `PT${prepTimeMinutes}M`;
  // Fulfillment notes are "displayed in the Square Point of Sale application"
  // [SDK FulfillmentPickupDetails.ts `note`]: the kitchen sees the special instructions there.
  const note = [order.type === "dine_in" ? "Dine-in" : "", order.specialInstructions ?? ""]
    .filter((s) => s.trim() !== "")
    .join(". ") || undefined;
  const recipient = toRecipient(order);
  if (order.type === "delivery") {
    return {
      type: "DELIVERY",
      state: "PROPOSED",
      deliveryDetails: { recipient, scheduleType: "ASAP", prepTimeDuration, note },
    };
  }
  return {
    type: "PICKUP",
    state: "PROPOSED",
    pickupDetails: { recipient, scheduleType: "ASAP", prepTimeDuration, note },
  };
}

/**
 * Customer name/phone/address only when the restaurant shares customer info (seed 001:
 * "Customer phone (if sync_customer_info = true)"); `customer` is null otherwise. Email is never
 * sent: the marketplace owns the customer relationship. Without a customer the recipient is a
 * PII-free label so staff can still match the ticket (UNCONFIRMED whether Square requires a
 * recipient on PICKUP; sending one is always accepted).
 */
function toRecipient(order: CanonicalOrder): Square.FulfillmentRecipient {
  if (!order.customer) return { displayName: `${order.sourceName} #${order.externalId}`.slice(0, 255) };
  const address = order.type === "delivery" ? toAddress(order.deliveryAddress) : undefined;
  return { displayName: order.customer.name, phoneNumber: order.customer.phone || undefined, address };
}

/** Our delivery address is free-form JSON: accept the common key spellings. */
export function toAddress(a: Record<string, string> | undefined): Square.Address | undefined {
  if (!a) return undefined;
  const pick = (...keys: string[]) => keys.map((k) => a[k]).find((v) => v !== undefined && v !== "");
  const country = pick("country", "countryCode");
  const address: Square.Address = {
    addressLine1: pick("line1", "addressLine1", "address_line_1", "street"),
    addressLine2: pick("line2", "addressLine2", "address_line_2"),
    locality: pick("city", "locality"),
    administrativeDistrictLevel1: pick("state", "region", "province", "administrativeDistrictLevel1"),
    postalCode: pick("postalCode", "postal_code", "zip", "postcode"),
    // Square wants ISO 3166-1 alpha-2 [SDK Country.ts]; anything else is dropped, not guessed.
    country: country && /^[A-Za-z]{2}$/.test(country) ? (country.toUpperCase() as Square.Country) : undefined,
  };
  return Object.values(address).some((v) => v !== undefined) ? address : undefined;
}

/**
 * Square metadata limits: ≤10 entries, keys ≤60 chars of `[a-zA-Z0-9_-]`, values ≤255 chars
 * [SDK Order.ts `metadata`]. Invalid keys are dropped and long values cut, so a long external
 * id can never make Square reject the whole order.
 */
export const SQUARE_METADATA_LIMITS = { maxEntries: 10, maxKeyLength: 60, maxValueLength: 255 } as const;

export function squareMetadata(entries: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (Object.keys(out).length >= SQUARE_METADATA_LIMITS.maxEntries) break;
    if (value === undefined || value === "") continue;
    if (key.length > SQUARE_METADATA_LIMITS.maxKeyLength || !/^[a-zA-Z0-9_-]+$/.test(key)) continue;
    out[key] = value.slice(0, SQUARE_METADATA_LIMITS.maxValueLength);
  }
  return out;
}
