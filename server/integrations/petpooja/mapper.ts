/**
 * CanonicalOrder → PetPooja `save_order` body [ref §2.2], pure. Shape:
 *   {app_key, app_secret, access_token, orderinfo: {OrderInfo: {Restaurant, Customer?, Order,
 *    OrderItem, Tax, Discount}}, udid, device_type}
 * Casing matters (lowercase `orderinfo`, PascalCase sections, each wrapping `details`: an object
 * for Restaurant/Customer/Order, an array for OrderItem/AddonItem/Tax/Discount). Money is rupee
 * strings; `group_id`, `urgent_time`, `min_prep_time`, `enable_delivery` are numbers and
 * `urgent_order` a boolean. Required fields follow seed 002 "Required Fields Validation" and
 * the aglio schema in ref §2.2; a missing one is named in a PROVIDER_REJECTED error.
 */
import { AppError } from "~/server/errors";
import type { CanonicalLineItem, CanonicalModifier, CanonicalOrder } from "../types";
import { assertPetpoojaCurrency, toRupees } from "./money";
import type { PetpoojaSettings } from "./provider";
import { zonedParts } from "~/server/time/zoned-parts";

export { petpoojaStatusOf, PETPOOJA_CALLBACK_STATUS, PETPOOJA_STATUS_MAPPING } from "./status-map";

/** Seed 002 ORDER_TYPE_MAPPING (DINE_IN D, PICKUP P, DELIVERY H) = ref §2.2 order_type letters. */
export const ORDER_TYPE_MAPPING = { dine_in: "D", pickup: "P", delivery: "H" } as const satisfies Record<CanonicalOrder["type"], string>;

export type PetpoojaAddon = { id: string; name: string; group_name: string; price: string; group_id: number; quantity: string };
export type PetpoojaOrderItem = {
  id: string;
  name: string;
  gst_liability: string;
  item_tax: Array<{ id: string; name: string; amount: string }>;
  item_discount: string;
  price: string;
  final_price: string;
  quantity: string;
  description: string;
  variation_name: string;
  variation_id: string;
  AddonItem: { details: PetpoojaAddon[] };
};
export type PetpoojaSaveOrderBody = {
  app_key: string;
  app_secret: string;
  access_token: string;
  orderinfo: {
    OrderInfo: {
      Restaurant: { details: { res_name: string; address: string; contact_information: string; restID: string } };
      Customer?: { details: { email: string; name: string; address: string; phone: string; latitude: string; longitude: string } };
      Order: { details: Record<string, unknown> };
      OrderItem: { details: PetpoojaOrderItem[] };
      Tax: { details: Array<{ id: string; title: string; type: string; price: string; tax: string; restaurant_liable_amt: string }> };
      Discount: { details: Array<{ id: string; title: string; type: string; price: string }> };
    };
    udid?: string;
    device_type?: string;
  };
  udid?: string;
  device_type?: string;
};

/** Which of our ids goes out as `Order.details.orderID` (and comes back as clientOrderID). */
export function clientOrderIdOf(order: Pick<CanonicalOrder, "id" | "externalId">, settings: Pick<PetpoojaSettings, "order_id_source">): string {
  return settings.order_id_source === "external_id" ? order.externalId : order.id;
}

/** "YYYY-MM-DD" and "HH:mm:ss" of `at` in `timeZone`. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const p = zonedParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}:${two(p.second)}` };
}

/** Delivery address as one line (our address is a free-form string map). */
function addressLine(a: Record<string, string> | undefined): string {
  if (!a) return "";
  const skip = new Set(["lat", "latitude", "lng", "lon", "longitude"]);
  return Object.entries(a)
    .filter(([k, v]) => !skip.has(k) && v.trim())
    .map(([, v]) => v.trim())
    .join(", ");
}

const coordinate = (a: Record<string, string> | undefined, ...keys: string[]) => keys.map((k) => a?.[k]).find((v) => v !== undefined) ?? "";

type Problem = string;

function resolveAddon(m: CanonicalModifier, settings: PetpoojaSettings): { id: string; group_id: number; group_name: string } | undefined {
  // posModifierId "<group_id>:<addon id>" when a future modifier mapping fills it.
  if (m.posModifierId) {
    const match = /^(\d+):(.+)$/.exec(m.posModifierId);
    const mapped = settings.addon_mapping[m.name] ?? findInsensitive(settings.addon_mapping, m.name);
    if (match) return { group_id: Number(match[1]), id: match[2]!, group_name: mapped?.group_name ?? "" };
  }
  return settings.addon_mapping[m.name] ?? findInsensitive(settings.addon_mapping, m.name);
}

function findInsensitive<T>(record: Record<string, T>, key: string): T | undefined {
  const k = key.trim().toLowerCase();
  for (const [name, v] of Object.entries(record)) if (name.trim().toLowerCase() === k) return v;
  return undefined;
}

function toOrderItem(item: CanonicalLineItem, i: number, settings: PetpoojaSettings, problems: Problem[]): PetpoojaOrderItem {
  const at = `OrderItem.details[${i}]`;
  // [ref §2.3] A line with a variation sends the variation's `id` as the item id plus its
  // `variationid`, carried as posItemId / posVariationId (see server/menu/mapping posLineRef).
  if (!item.posItemId) problems.push(`${at}.id (dish "${item.name}" is not mapped to a PetPooja item)`);
  if (!item.name.trim()) problems.push(`${at}.name`);
  if (!Number.isFinite(item.quantity) || item.quantity <= 0) problems.push(`${at}.quantity`);
  if (!Number.isSafeInteger(item.unitPrice) || item.unitPrice < 0) problems.push(`${at}.price`);
  const addons = item.modifiers.map((m, j): PetpoojaAddon => {
    const aat = `${at}.AddonItem.details[${j}]`;
    const ref = resolveAddon(m, settings);
    if (!ref) problems.push(`${aat}.id and group_id (add-on "${m.name}" is not mapped to a PetPooja add-on: set addon_mapping)`);
    else if (!ref.group_name) problems.push(`${aat}.group_name (add-on "${m.name}": set it in addon_mapping)`);
    if (!m.name.trim()) problems.push(`${aat}.name`);
    if (!Number.isSafeInteger(m.price)) problems.push(`${aat}.price`);
    if (!Number.isFinite(m.quantity) || m.quantity <= 0) problems.push(`${aat}.quantity`);
    return {
      id: ref?.id ?? "",
      name: m.name,
      group_name: ref?.group_name ?? "",
      price: Number.isSafeInteger(m.price) ? toRupees(m.price) : "",
      group_id: ref?.group_id ?? 0,
      // Our modifier quantity is per unit of the line, as PetPooja's add-on lines appear to be [U].
      quantity: String(m.quantity),
    };
  });
  const price = Number.isSafeInteger(item.unitPrice) ? toRupees(item.unitPrice) : "";
  return {
    id: item.posItemId ?? "",
    name: item.name,
    // [ref §2.2] "vendor" (aggregator pays GST) or "restaurant"; we carry no GST split.
    gst_liability: "restaurant",
    item_tax: [],
    item_discount: "0",
    price,
    // No per-line discount in our order: final price = unit price.
    final_price: price,
    quantity: String(item.quantity),
    description: item.note ?? "",
    variation_name: "",
    variation_id: item.posVariationId ?? "",
    AddonItem: { details: addons },
  };
}

export type SaveOrderOptions = { settings: PetpoojaSettings };

/**
 * The full save_order body. Throws PROVIDER_REJECTED naming every missing required field, so the
 * seller sees e.g. `OrderItem.details[0].id (dish "Paneer Tikka" is not mapped…)`.
 */
export function toSaveOrderBody(order: CanonicalOrder, { settings }: SaveOrderOptions): PetpoojaSaveOrderBody {
  assertPetpoojaCurrency(order.currency);
  const problems: Problem[] = [];
  const clientOrderId = clientOrderIdOf(order, settings);
  if (!clientOrderId) problems.push("Order.details.orderID (order_id)");
  if (order.items.length === 0) problems.push("OrderItem.details (items)");
  if (!settings.payment_type) problems.push("Order.details.payment_type");
  const orderType = ORDER_TYPE_MAPPING[order.type];
  if (!orderType) problems.push("Order.details.order_type");

  const customer = order.customer;
  if (customer) {
    // Seed 002: customer_name, customer_phone, customer_address. The address only means
    // something for home delivery; pickup and dine-in send none.
    if (!customer.name.trim()) problems.push("Customer.details.name (customer_name)");
    if (!customer.phone?.trim()) problems.push("Customer.details.phone (customer_phone)");
  }
  const address = addressLine(order.deliveryAddress);
  if (order.type === "delivery" && !customer) problems.push("Customer.details (a home delivery needs the customer; sync_customer_info is off)");
  if (order.type === "delivery" && !address) problems.push("Customer.details.address (customer_address)");

  const items = order.items.map((it, i) => toOrderItem(it, i, settings, problems));
  if (problems.length) {
    throw new AppError("PROVIDER_REJECTED", `PetPooja order is missing required fields: ${problems.join("; ")}`, {
      details: { httpStatus: null, vendorCode: "MISSING_REQUIRED_FIELDS", missing: problems },
    });
  }

  const placed = localDateTime(order.placedAt, settings.timezone);
  const t = order.totals;
  const prepaid = settings.payment_type.toUpperCase() !== "COD";
  const description = [order.specialInstructions ?? "", t.tip ? `Tip ${toRupees(t.tip)}` : "", `${order.sourceName} order ${order.externalId}`]
    .filter(Boolean)
    .join(" | ");

  const orderDetails: Record<string, unknown> = {
    orderID: clientOrderId,
    // [ref §2.2] Required even for immediate orders.
    preorder_date: placed.date,
    preorder_time: placed.time,
    service_charge: "0",
    sc_tax_amount: "0",
    delivery_charges: toRupees(t.deliveryFee),
    dc_tax_amount: "0",
    dc_gst_details: [],
    packing_charges: "0",
    pc_tax_amount: "0",
    pc_gst_details: [],
    order_type: orderType,
    ondc_bap: "",
    // [ref §2.2] The strings "N"/"Y"; integers were rejected.
    advanced_order: "N",
    urgent_order: false,
    urgent_time: 20,
    payment_type: settings.payment_type,
    table_no: "",
    no_of_persons: "0",
    discount_total: toRupees(t.discount),
    discount_type: "F",
    tax_total: toRupees(t.tax),
    total: toRupees(t.total),
    description,
    created_on: `${placed.date} ${placed.time}`,
    enable_delivery: settings.enable_delivery,
    min_prep_time: settings.min_prep_time,
    // [ref §2.2] "0" for prepaid, the total for cash on delivery.
    collect_cash: prepaid ? "0" : toRupees(t.total),
    ...(settings.callback_url ? { callback_url: settings.callback_url } : {}),
  };

  const tax =
    settings.tax && t.tax > 0
      ? [{ id: settings.tax.id, title: settings.tax.title, type: settings.tax.type, price: settings.tax.type === "P" ? settings.tax.rate : toRupees(t.tax), tax: toRupees(t.tax), restaurant_liable_amt: "0.00" }]
      : [];
  const discount = t.discount > 0 ? [{ id: settings.discount?.id ?? "", title: settings.discount?.title ?? "Discount", type: "F", price: toRupees(t.discount) }] : [];

  const device = { udid: settings.udid, device_type: settings.device_type };
  return {
    app_key: settings.app_key,
    app_secret: settings.app_secret,
    access_token: settings.access_token,
    orderinfo: {
      OrderInfo: {
        Restaurant: {
          details: {
            res_name: settings.restaurant_name_petpooja,
            address: settings.restaurant_address_petpooja,
            contact_information: settings.restaurant_contact_petpooja,
            restID: settings.restID,
          },
        },
        ...(customer
          ? {
              Customer: {
                details: {
                  email: customer.email ?? "",
                  name: customer.name,
                  address,
                  phone: customer.phone ?? "",
                  latitude: coordinate(order.deliveryAddress, "lat", "latitude"),
                  longitude: coordinate(order.deliveryAddress, "lng", "lon", "longitude"),
                },
              },
            }
          : {}),
        Order: { details: orderDetails },
        OrderItem: { details: items },
        Tax: { details: tax },
        Discount: { details: discount },
      },
      ...(settings.udid_placement === "orderinfo" ? device : {}),
    },
    ...(settings.udid_placement === "root" ? device : {}),
  };
}
