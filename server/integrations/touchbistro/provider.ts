/**
 * TouchBistro as data: metadata for the registry and the config schemas. Facts are cited from
 * ../shared/reference/pos-ncr-petpooja-touchbistro-zoho-simphony-others.md §3 ("ref §3") and seed
 * 000 (marketplace ↔ POS partner model). TouchBistro publishes NO order-injection API and NO
 * webhooks [ref §3]: order creation and status reads exist only inside its partner program. So
 * every host, path, parameter name and vendor state below is a setting with a documented default
 * (the cloud API's known conventions where there are any), never a silent guess. CONFIRM.md
 * lists what must be confirmed with TouchBistro and which setting covers each.
 */
import { z } from "zod";
import type { OrderStatus } from "~/db/schema";
import { ORDER_STATUSES } from "~/db/schema";
import type { ProviderMetadata } from "../types";

/** [ref §3, V ~2016] TouchBistro's cloud API host (bills, menus, reporting live under /api/v1). */
export const TOUCHBISTRO_PRODUCTION_BASE_URL = "https://cloud.touchbistro.com";

/**
 * Partner-API paths on the base URL. [U] None is documented: TouchBistro has no public order
 * API [ref §3]. Defaults follow the cloud API's `/api/v1/…` layout; `{location_id}` and
 * `{order_id}` are filled in (URL-encoded). Confirm each with TouchBistro (CONFIRM.md).
 */
export const TOUCHBISTRO_DEFAULT_PATHS = {
  create_order: "/api/v1/partner/locations/{location_id}/orders",
  get_order: "/api/v1/partner/locations/{location_id}/orders/{order_id}",
  location: "/api/v1/partner/locations/{location_id}",
} as const;

/**
 * [U] Vendor order state (lower-cased) → our status. Seed 000 polls until `COMPLETED` or
 * `CANCELLED`; the other names are placeholders until TouchBistro confirms its states. A state
 * not in the map is recorded as the vendor state and changes nothing.
 */
export const TOUCHBISTRO_DEFAULT_STATUS_MAP: Record<string, OrderStatus> = {
  new: "placed",
  received: "placed",
  accepted: "confirmed",
  confirmed: "confirmed",
  in_progress: "preparing",
  preparing: "preparing",
  ready: "ready",
  out_for_delivery: "out_for_delivery",
  delivered: "delivered",
  completed: "completed",
  closed: "completed",
  paid: "completed",
  cancelled: "cancelled",
  voided: "cancelled",
  rejected: "rejected",
};

/** A path on the TouchBistro base URL: no scheme, no host, no `..` (a restaurant may not send our credentials elsewhere). */
const endpointPath = z
  .string()
  .regex(/^\/[A-Za-z0-9_\-./{}]*$/, "an endpoint override is a path on the TouchBistro base URL, e.g. /api/v1/partner/orders")
  .refine((p) => !p.split("/").includes(".."), "an endpoint path may not contain ..");

/** Platform level only (admin / env): a full https URL is allowed too. */
const endpointPathOrUrl = z.union([endpointPath, z.url({ protocol: /^https?$/ })]);

const endpointsShape = <T extends z.ZodType>(t: T) => z.object({ create_order: t.optional(), get_order: t.optional(), location: t.optional() }).strict();

const paramName = z.string().regex(/^[A-Za-z0-9_\-.]{1,64}$/, "a query parameter or header name");

const sharedOverrides = {
  /** The restaurant's TouchBistro location/restaurant id. Normally the connection's location id, which wins. */
  location_id: z.string().min(1).max(100).optional(),
  /**
   * [ref §3] The cloud API takes its token in the QUERY STRING (`authentication_token=`); whether
   * the partner order API does the same, or wants a header, is [U].
   */
  token_placement: z.enum(["query", "header"]).optional(),
  token_param: paramName.optional(),
  token_header: paramName.optional(),
  /** Scheme before the token in the header ("" = the bare token), [U]. */
  token_header_scheme: z.string().max(20).optional(),
  /** [U] How our partner id travels (seed 000 `platformPartnerId`): a query parameter (default) or a header. */
  partner_id_placement: z.enum(["query", "header", "none"]).optional(),
  partner_id_param: paramName.optional(),
  partner_id_header: paramName.optional(),
  /** [U] Idempotency header name carrying our order id ("" = none; the body's external_reference still carries it). */
  idempotency_header: z.string().regex(/^[A-Za-z0-9_-]{0,64}$/).optional(),
  /** [ref §3, §12] Money on the wire is decimal strings in major units ("6.99"); "minor_int" if the partner API differs. */
  money_format: z.enum(["decimal_string", "minor_int"]).optional(),
  /** [U] Vendor order state → our status, merged over the defaults (keys compared lower-cased). */
  status_map: z.record(z.string().min(1).max(64), z.enum(ORDER_STATUSES)).optional(),
  /** [U] Order type codes the partner API expects for our delivery / pickup / dine_in. */
  order_types: z.object({ delivery: z.string().min(1).optional(), pickup: z.string().min(1).optional(), dine_in: z.string().min(1).optional() }).strict().optional(),
};

/** Per-restaurant overrides (connections.config): endpoint overrides are paths only. */
export const touchbistroConfigSchema = z.object({ ...sharedOverrides, endpoints: endpointsShape(endpointPath).optional() }).strict();

/** Admin-set provider defaults (provider_settings.globalConfig): full URLs allowed for endpoints. */
export const touchbistroGlobalConfigSchema = z.object({ ...sharedOverrides, endpoints: endpointsShape(endpointPathOrUrl).optional() }).strict();

export type TouchbistroConfig = z.output<typeof touchbistroConfigSchema>;

/** The merged configuration an adapter call runs with. */
export const touchbistroResolvedConfigSchema = z.object({
  /** Seed 000 `platformPartnerId` (platform level). */
  partner_id: z.string().min(1),
  /** Seed 000 `platformApiKey` (platform level), sent as a header only when token_placement is "header" and no location token exists. */
  api_key: z.string().min(1).optional(),
  /** Seed 000 restaurant `accessCredentials`: the token the restaurant granted us for its location. */
  location_token: z.string().min(1),
  location_id: z.string().min(1),
  token_placement: z.enum(["query", "header"]).default("query"),
  token_param: paramName.default("authentication_token"),
  token_header: paramName.default("authorization"),
  token_header_scheme: z.string().default("Token"),
  partner_id_placement: z.enum(["query", "header", "none"]).default("query"),
  partner_id_param: paramName.default("partner_id"),
  partner_id_header: paramName.default("x-partner-id"),
  idempotency_header: z.string().default("Idempotency-Key"),
  money_format: z.enum(["decimal_string", "minor_int"]).default("decimal_string"),
  status_map: z.record(z.string(), z.enum(ORDER_STATUSES)).default({}),
  order_types: z
    .object({ delivery: z.string().default("delivery"), pickup: z.string().default("takeout"), dine_in: z.string().default("dine_in") })
    .default({ delivery: "delivery", pickup: "takeout", dine_in: "dine_in" }),
  endpoints: z
    .object({
      create_order: endpointPathOrUrl.default(TOUCHBISTRO_DEFAULT_PATHS.create_order),
      get_order: endpointPathOrUrl.default(TOUCHBISTRO_DEFAULT_PATHS.get_order),
      location: endpointPathOrUrl.default(TOUCHBISTRO_DEFAULT_PATHS.location),
    })
    .default({ ...TOUCHBISTRO_DEFAULT_PATHS }),
});

export type TouchbistroSettings = z.output<typeof touchbistroResolvedConfigSchema>;

export const metadata: ProviderMetadata = {
  id: "touchbistro",
  name: "TouchBistro",
  kind: "pos",
  // TouchBistro sells in North America first; confirm the partner program's regions (CONFIRM.md).
  regions: ["CA", "US"],
  // Seed 000 partner model: platform partner id + API key, plus each restaurant's location id and access token.
  auth: { mode: "api_key", fields: ["partner_id", "api_key", "location_id", "location_token"] },
  capabilities: ["push_order", "get_order", "health_check"],
  // [ref §3] No webhooks: status is polled (server/polling).
  statusMode: "polling",
  baseUrls: { production: TOUCHBISTRO_PRODUCTION_BASE_URL },
  configSchema: touchbistroConfigSchema,
  docsUrl: "https://www.touchbistro.com/integrations/",
};
