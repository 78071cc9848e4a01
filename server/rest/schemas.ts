/**
 * Request and response schemas of the public REST API (seed 001 + order intake), in the
 * wire's snake_case. Route handlers validate with these and the OpenAPI document and the
 * /docs/api page are generated from them, so the three cannot drift apart.
 *
 * Request schemas may coerce and default (they are documented with io: "input"); response
 * schemas must stay transform-free so they convert with io: "output".
 */
import { z } from "zod";
import { CONNECTION_HEALTH, CONNECTION_STATUSES, ORDER_STATUSES, ORDER_TYPES, SYNC_JOB_STATUSES } from "~/db/schema";

// ─── Shared pieces ──────────────────────────────────────────────────────────────────

const id = (description: string) => z.uuid().meta({ description });
const timestamp = (description: string) => z.iso.datetime({ offset: true }).meta({ description });
/** Integer minor units (cents, paise…) of the order's currency; never floats. */
const minorUnits = (description: string, max = 10_000_000) => z.int().min(0).max(max).meta({ description });
/** Int4 columns cap every amount; a larger total is refused up front with a clear message. */
const MAX_TOTAL = 2_147_483_647;

export const providerSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, "Use the provider id, e.g. square")
  .meta({ description: "POS provider id", examples: ["square", "dine", "zoho"] });

export const syncStatusSchema = z.enum(SYNC_JOB_STATUSES).meta({
  description: "pending → syncing → retry → success | failed",
});

// ─── Params ─────────────────────────────────────────────────────────────────────────

export const businessIdParamsSchema = z.object({
  businessId: id("Restaurant (business) id"),
});

export const orderIdParamsSchema = z.object({
  orderId: id("Order id"),
});

// ─── POS integration ────────────────────────────────────────────────────────────────

export const posConnectBodySchema = z.object({
  business_id: id("Restaurant (business) to connect"),
  provider: providerSchema,
  access_token: z.string().min(1).max(4096).meta({ description: "OAuth access token; stored encrypted, never returned" }),
  refresh_token: z.string().min(1).max(4096).optional().meta({ description: "OAuth refresh token; stored encrypted" }),
  token_expires_at: timestamp("When the access token expires").optional(),
  location_id: z.string().trim().min(1).max(200).meta({ description: "The POS location (site) orders go to" }),
  merchant_id: z.string().trim().min(1).max(200).optional().meta({ description: "The POS merchant (account) id" }),
});

export const posDisconnectBodySchema = z.object({
  business_id: id("Restaurant (business) to disconnect"),
  provider: providerSchema.optional().meta({ description: "Only this provider; all of the restaurant's POS connections when omitted" }),
});

/** An integration as the API shows it: never any token or credential field. */
export const posIntegrationSchema = z.object({
  id: id("Integration id"),
  business_id: id("Restaurant (business) id"),
  provider: z.string().meta({ description: "POS provider id" }),
  is_active: z.boolean().meta({ description: "False once disconnected" }),
  status: z.enum(CONNECTION_STATUSES).meta({ description: "needs_reauth: the seller must reconnect" }),
  health: z.enum(CONNECTION_HEALTH),
  location_id: z.string().nullable(),
  merchant_id: z.string().nullable(),
  auto_sync_orders: z.boolean().meta({ description: "New orders are pushed to the POS automatically" }),
  sync_customer_info: z.boolean().meta({ description: "Customer name and phone are sent with orders" }),
  last_sync_at: timestamp("Last successful order push").nullable(),
  error_count: z.int().min(0),
  last_error: z.string().nullable(),
  created_at: timestamp("When the integration was connected"),
});

export const posIntegrationResponseSchema = z.object({ integration: posIntegrationSchema });
export const posDisconnectResponseSchema = z.object({
  integrations: z.array(posIntegrationSchema).meta({ description: "The integrations that were disconnected" }),
});

// ─── Sync logs, history and stats ───────────────────────────────────────────────────

export const syncLogSchema = z.object({
  id: id("Sync log id"),
  order_id: id("Order id"),
  status: syncStatusSchema,
  provider: z.string().nullable(),
  pos_order_id: z.string().nullable().meta({ description: "The order's id in the POS, once synced" }),
  retry_count: z.int().min(0),
  duration_ms: z.int().min(0).nullable().meta({ description: "Duration of the latest attempt" }),
  next_retry_at: timestamp("When the next attempt is due (status retry)").nullable(),
  error_message: z.string().nullable(),
  completed_at: timestamp("When it reached success or failed").nullable(),
  created_at: timestamp("When the sync was queued"),
});

export const posSyncResponseSchema = z.object({ syncLog: syncLogSchema });

export const posHistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size (1–200)" }),
  offset: z.coerce.number().int().min(0).default(0).meta({ description: "Rows to skip" }),
  status: syncStatusSchema.optional().meta({ description: "Only logs in this state" }),
});

export const posHistoryResponseSchema = z.object({
  logs: z.array(syncLogSchema),
  total: z.int().min(0).meta({ description: "Matching logs across all pages" }),
  limit: z.int(),
  offset: z.int(),
});

export const syncStatsSchema = z.object({
  total_syncs: z.int().min(0),
  successful_syncs: z.int().min(0),
  failed_syncs: z.int().min(0).meta({ description: "Permanently failed (retries exhausted or not retryable)" }),
  pending_retries: z.int().min(0),
  success_rate: z.number().min(0).max(100).meta({ description: "successful_syncs / total_syncs × 100, one decimal" }),
});

export const posStatsResponseSchema = z.object({ stats: syncStatsSchema });

// ─── Restaurants ────────────────────────────────────────────────────────────────────

export const restaurantSchema = z.object({
  id: id("Restaurant id; the business_id of the POS endpoints"),
  name: z.string(),
  currency: z.string().length(3).meta({ description: "ISO 4217; orders default to it" }),
  timezone: z.string().meta({ description: "IANA time zone" }),
  address: z.string().nullable(),
  is_active: z.boolean(),
  created_at: timestamp("When the restaurant was added"),
});

export const restaurantsResponseSchema = z.object({ restaurants: z.array(restaurantSchema) });

// ─── Order intake ───────────────────────────────────────────────────────────────────

export const orderModifierSchema = z.object({
  name: z.string().trim().min(1).max(200),
  price: z.int().min(-10_000_000).max(10_000_000).meta({ description: "Minor units per modifier; may be negative (e.g. 'no cheese')" }),
  quantity: z.int().min(1).max(99).optional().meta({ description: "Defaults to 1" }),
});

export const orderItemSchema = z.object({
  dish_id: z.string().trim().min(1).max(100).optional().meta({ description: "Our dish id; used for the POS item mapping" }),
  name: z.string().trim().min(1).max(200),
  quantity: z.int().min(1).max(999),
  unit_price: minorUnits("Price of one unit before modifiers, in minor units"),
  modifiers: z.array(orderModifierSchema).max(50).optional(),
  note: z.string().trim().max(500).optional().meta({ description: "Shown on the kitchen ticket" }),
});

/** Whole-order total as the order module computes it, used only to refuse overflow early. */
function roughTotal(o: { items: z.output<typeof orderItemSchema>[]; tax?: number; delivery_fee?: number; tip?: number }) {
  const items = o.items.reduce((sum, i) => {
    const mods = (i.modifiers ?? []).reduce((m, x) => m + x.price * (x.quantity ?? 1), 0);
    return sum + i.quantity * (i.unit_price + mods);
  }, 0);
  return items + (o.tax ?? 0) + (o.delivery_fee ?? 0) + (o.tip ?? 0);
}

export const createOrderBodySchema = z
  .object({
    restaurant_id: id("Restaurant the order is for; must belong to the API key's organization"),
    external_id: z.string().trim().min(1).max(100).meta({ description: "The marketplace's order id: sending it again returns the same order" }),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "Use a 3-letter ISO 4217 currency code")
      .toUpperCase()
      .meta({ description: "ISO 4217 code; upper-cased" }),
    customer: z.object({
      name: z.string().trim().min(1).max(200),
      phone: z.string().trim().min(3).max(40).optional(),
      email: z.email().max(320).optional(),
    }),
    type: z.enum(ORDER_TYPES),
    items: z.array(orderItemSchema).min(1, "An order needs at least one item").max(200),
    special_instructions: z.string().trim().max(1000).optional(),
    delivery_address: z
      .record(z.string().min(1).max(50), z.string().trim().max(300))
      .optional()
      .meta({ description: "Free-form address lines (line1, city, postcode…); required for delivery", examples: [{ line1: "12 MG Road", city: "Bengaluru", postcode: "560001" }] }),
    tax: minorUnits("Tax, minor units").optional(),
    delivery_fee: minorUnits("Delivery fee, minor units").optional(),
    tip: minorUnits("Tip, minor units").optional(),
    discount: minorUnits("Discount, minor units; subtracted from the total").optional(),
  })
  .superRefine((o, ctx) => {
    if (o.type === "delivery" && !Object.values(o.delivery_address ?? {}).some((v) => v.length > 0)) {
      ctx.addIssue({ code: "custom", path: ["delivery_address"], message: "A delivery order needs a delivery_address" });
    }
    const total = roughTotal(o);
    if (total > MAX_TOTAL) ctx.addIssue({ code: "custom", path: ["items"], message: "The order total is too large" });
    else if (total - (o.discount ?? 0) < 0) ctx.addIssue({ code: "custom", path: ["discount"], message: "The discount is larger than the order total" });
  });

export const orderSummarySchema = z.object({
  id: id("Our order id"),
  external_id: z.string(),
  status: z.enum(ORDER_STATUSES),
  sync_status: syncStatusSchema.nullable().meta({ description: "POS sync state; null when the restaurant has no POS connected" }),
  total: z.int().meta({ description: "Order total in minor units" }),
  currency: z.string().length(3),
  created_at: timestamp("When we received the order"),
});

export const createOrderResponseSchema = z.object({ order: orderSummarySchema });

export type CreateOrderBody = z.output<typeof createOrderBodySchema>;
export type PosConnectBody = z.output<typeof posConnectBodySchema>;
export type PosDisconnectBody = z.output<typeof posDisconnectBodySchema>;
export type PosHistoryQuery = z.output<typeof posHistoryQuerySchema>;
export type PosIntegrationResource = z.input<typeof posIntegrationSchema>;
export type SyncLogResource = z.input<typeof syncLogSchema>;
export type RestaurantResource = z.input<typeof restaurantSchema>;
export type OrderSummaryResource = z.input<typeof orderSummarySchema>;

// ─── Envelope ───────────────────────────────────────────────────────────────────────

export const fieldErrorsSchema = z
  .record(z.string(), z.array(z.string()))
  .meta({ description: "Field path (e.g. items.0.quantity) → messages", examples: [{ "items.0.quantity": ["Too small: expected number to be >=1"] }] });

/** `{ success: true, data, message }` around a response schema. */
export const successEnvelopeSchema = <T extends z.ZodType>(data: T) =>
  z.object({
    success: z.literal(true),
    data,
    message: z.string().nullable().meta({ description: "Human-readable outcome, when there is one" }),
  });

export const errorEnvelopeSchema = z.object({
  success: z.literal(false),
  data: z.null(),
  message: z.string().meta({ description: "What went wrong, safe to show" }),
  errors: fieldErrorsSchema.optional().meta({ description: "Present on 400 Validation failed" }),
});

// ─── Dishes (item mapping) ──────────────────────────────────────────────────────────

export const restaurantIdParamsSchema = z.object({
  restaurantId: id("Restaurant id (the `business_id` elsewhere)"),
});

export const dishInputSchema = z.object({
  dish_id: z.string().trim().min(1).max(100).meta({ description: "The marketplace's dish id, as sent in order lines' `dish_id`" }),
  name: z.string().trim().min(1).max(200),
  price: minorUnits("Menu price, minor units of `currency`").nullable(),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, "Use a 3-letter ISO 4217 currency code")
    .toUpperCase()
    .meta({ description: "ISO 4217 code; upper-cased" }),
  pos_item_id: z.string().trim().min(1).max(100).optional().meta({ description: "The POS item or variation id, when the marketplace knows it: matched exactly and confirmed" }),
});

export const putDishesBodySchema = z
  .array(dishInputSchema)
  .max(5000, "At most 5000 dishes per request")
  .meta({ description: "The restaurant's full dish list (dishes not in it are kept)" });

export const putDishesResponseSchema = z.object({
  upserted: z.int().min(0).meta({ description: "Dishes stored or updated" }),
  matching: z
    .array(
      z.object({
        suggested: z.int().min(0),
        auto_confirmed: z.int().min(0),
        unmatched: z.int().min(0),
        kept: z.int().min(0).meta({ description: "Dishes whose mapping the seller already confirmed or rejected" }),
      }),
    )
    .meta({ description: "Per live POS connection: the automatic match run against its synced menu" }),
});
export type PutDishesBody = z.output<typeof putDishesBodySchema>;
