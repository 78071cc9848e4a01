/**
 * Square as data: what the registry, the connect flow and the admin pages need to know without
 * calling Square. Wire facts are cited from ../shared/reference (section "1. Square").
 */
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { AdapterContext, ProviderMetadata } from "../types";

/**
 * The API version we are written against, sent as `Square-Version` on every call. Without the
 * header Square uses the version pinned in the app's dashboard, which can differ between the
 * sandbox and production apps [developer.squareup.com/blog/api-versioning-for-connect-v2].
 * This is the version square@46 (our SDK) is generated for, so SDK models match responses.
 */
export const SQUARE_DEFAULT_VERSION = "2026-09-16";

/** [reference §1.1] The token path is also where the SDK's ObtainToken posts. */
export const SQUARE_AUTHORIZE_PATH = "/oauth2/authorize";
export const SQUARE_TOKEN_PATH = "/oauth2/token";

/** Shown in Square (order source, external payment source) so staff know where it came from. */
export const SQUARE_EXTERNAL_PAYMENT_SOURCE = "Switchboard marketplace";

/**
 * Scopes [developer.squareup.com/docs/oauth-api/square-permissions]: CreateOrder needs
 * ORDERS_WRITE + ORDERS_READ [reference/square/orders/CreateOrder]; catalog sync ITEMS_READ (and
 * ITEMS_WRITE for availability later); stock INVENTORY_READ; ListLocations MERCHANT_PROFILE_READ;
 * PAYMENTS_WRITE only for the EXTERNAL payment that makes an API order show on the POS.
 */
export const SQUARE_SCOPES = [
  "MERCHANT_PROFILE_READ",
  "ORDERS_READ",
  "ORDERS_WRITE",
  "ITEMS_READ",
  "ITEMS_WRITE",
  "INVENTORY_READ",
  // 86 / back on: BatchChangeInventory physical counts (server/integrations/square/availability.ts).
  "INVENTORY_WRITE",
  "PAYMENTS_WRITE",
] as const;

/** Per-restaurant overrides, validated before they are stored on the connection. */
export const squareConfigSchema = z.object({
  /**
   * Record an EXTERNAL payment for the marketplace-prepaid order: an API order only shows in
   * the Square POS Order Manager when it has a fulfillment AND is paid
   * [forum t/creation-of-order-for-pos-via-api/20857; docs/app-marketplace/requirements/orders-api].
   */
  markPaidExternally: z.boolean().default(true),
  /** Sent as the fulfillment's `prep_time_duration` (RFC 3339 duration, e.g. PT15M). */
  prepTimeMinutes: z.number().int().min(0).max(24 * 60).default(15),
  /**
   * The inventory count "back on" sets (an 86 sets 0): Square has no writable sold-out flag
   * (server/integrations/square/availability.ts). Large enough that a day's orders never sell
   * it out again; a restaurant that tracks real stock in Square should set its own.
   */
  backOnQuantity: z.number().int().min(1).max(1_000_000).default(1000),
  /** Pin another `Square-Version` (YYYY-MM-DD) for this restaurant, e.g. while Square migrates it. */
  squareVersion: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Square-Version is a date: YYYY-MM-DD")
    .optional(),
});

export type SquareConfig = z.output<typeof squareConfigSchema>;

/** The connection's config with defaults applied; a stored config that no longer parses is a bug. */
export function squareConfigOf(ctx: Pick<AdapterContext, "connection">): SquareConfig {
  const parsed = squareConfigSchema.safeParse(ctx.connection.config ?? {});
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", `Invalid Square connection config: ${parsed.error.issues[0]?.message ?? "invalid"}`, {
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  return parsed.data;
}

export const metadata: ProviderMetadata = {
  id: "square",
  name: "Square",
  kind: "pos",
  // Countries where Square for Restaurants sells [squareup.com/international].
  regions: ["US", "CA", "GB", "IE", "AU", "JP", "FR", "ES"],
  auth: {
    mode: "oauth2",
    authorizePath: SQUARE_AUTHORIZE_PATH,
    tokenPath: SQUARE_TOKEN_PATH,
    scopes: [...SQUARE_SCOPES],
  },
  capabilities: [
    "oauth",
    "push_order",
    "get_order",
    "cancel_order",
    "list_locations",
    "fetch_catalog",
    "set_availability",
    "webhooks",
    "health_check",
  ],
  // order.updated / order.fulfillment.updated webhooks [reference/square/webhooks/order.updated].
  statusMode: "webhook",
  // [square-nodejs-sdk src/environments.ts]
  baseUrls: { production: "https://connect.squareup.com", sandbox: "https://connect.squareupsandbox.com" },
  configSchema: squareConfigSchema,
  docsUrl: "https://developer.squareup.com/docs/orders-api/what-it-does",
};
