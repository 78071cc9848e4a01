/**
 * Every endpoint of the public REST API, as data. Route handlers pass their entry to
 * `apiRoute` (auth + schemas), and the OpenAPI document and /docs/api render from this list,
 * so what is documented is what is enforced. Examples are checked against the schemas in
 * routes.test.ts.
 */
import type { ApiRouteConfig } from "./handler";
import * as s from "./schemas";
import * as ws from "./webhook-schemas";
import { menuResponseSchema } from "./resources/menu";
import { menuSyncResponseSchema } from "./resources/menu-sync-run";

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500;

export type RouteSpec = ApiRouteConfig & {
  id: string;
  method: "GET" | "POST" | "PUT";
  /** OpenAPI form: `{param}`. */
  path: string;
  tag: "Restaurants" | "Orders" | "POS integration" | "Order sync" | "Menu";
  summary: string;
  description: string;
  response: NonNullable<ApiRouteConfig["response"]>;
  successes: { status: 200 | 201; description: string }[];
  errors: ErrorStatus[];
  example: {
    params?: Record<string, string>;
    query?: Record<string, string | number>;
    body?: unknown;
    response: unknown;
    message?: string;
  };
};

const defineRoute = <const R extends RouteSpec>(route: R) => route;

// Example ids, fixed so the docs read consistently.
const BUSINESS = "7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90";
const ORDER = "c2b6e1f4-8d3a-4f7b-b1e9-5a0d2c4e6f81";
const INTEGRATION = "5e8d1c3b-2a4f-4e6d-8b7c-9f0a1b2c3d4e";
const LOG = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";

const exampleIntegration = {
  id: INTEGRATION,
  business_id: BUSINESS,
  provider: "square",
  is_active: true,
  status: "active",
  health: "online",
  location_id: "L8Y1Z2X3W4V5",
  merchant_id: "MLQ9R8S7T6U5",
  auto_sync_orders: true,
  sync_customer_info: true,
  last_sync_at: "2025-11-15T14:30:15.000Z",
  error_count: 0,
  last_error: null,
  created_at: "2025-11-01T00:00:00.000Z",
} satisfies s.PosIntegrationResource;

const exampleLog = {
  id: LOG,
  order_id: ORDER,
  status: "success",
  provider: "square",
  pos_order_id: "SQ-1234567890",
  retry_count: 0,
  duration_ms: 250,
  next_retry_at: null,
  error_message: null,
  completed_at: "2025-11-15T14:30:15.000Z",
  created_at: "2025-11-15T14:30:00.000Z",
} satisfies s.SyncLogResource;

export const listRestaurantsRoute = defineRoute({
  id: "listRestaurants",
  method: "GET",
  path: "/api/v1/restaurants",
  tag: "Restaurants",
  auth: "required",
  summary: "List restaurants",
  description:
    "The restaurants (locations) of the organization the API key belongs to, oldest first. A restaurant's `id` is the `business_id` / `restaurant_id` the other endpoints take.",
  response: s.restaurantsResponseSchema,
  successes: [{ status: 200, description: "The organization's restaurants" }],
  errors: [401, 403, 429, 500],
  example: {
    response: {
      restaurants: [
        {
          id: BUSINESS,
          name: "Spice Route — Indiranagar",
          currency: "INR",
          timezone: "Asia/Kolkata",
          address: "12 100 Feet Rd, Bengaluru",
          is_active: true,
          created_at: "2025-10-01T09:00:00.000Z",
        },
      ],
    },
  },
});

export const createOrderRoute = defineRoute({
  id: "createOrder",
  method: "POST",
  path: "/api/v1/orders",
  tag: "Orders",
  auth: "required",
  summary: "Send an order",
  description:
    "Records a marketplace order and queues it for the restaurant's POS. Money is integer minor units of `currency`. `external_id` makes the call idempotent: sending the same `external_id` for the same restaurant again returns the order already received (200) instead of creating a second one, so it is safe to retry on a timeout.",
  body: s.createOrderBodySchema,
  response: s.createOrderResponseSchema,
  successes: [
    { status: 201, description: "Order created and queued for the POS" },
    { status: 200, description: "This external_id was already received: the existing order" },
  ],
  errors: [400, 401, 403, 404, 409, 413, 415, 429, 500],
  example: {
    body: {
      restaurant_id: BUSINESS,
      external_id: "MM-100234",
      currency: "INR",
      customer: { name: "Asha Rao", phone: "+919800000000" },
      type: "delivery",
      items: [
        { dish_id: "dish-paneer-butter-masala", name: "Paneer Butter Masala", quantity: 2, unit_price: 30000, note: "Extra spicy" },
        { name: "Garlic Naan", quantity: 3, unit_price: 6000, modifiers: [{ name: "Extra butter", price: 1000 }] },
      ],
      delivery_address: { line1: "42 MG Road", city: "Bengaluru", postcode: "560001" },
      tax: 4500,
      delivery_fee: 4000,
    },
    response: {
      order: {
        id: ORDER,
        external_id: "MM-100234",
        status: "placed",
        sync_status: "pending",
        total: 89500,
        currency: "INR",
        created_at: "2025-11-15T14:30:00.000Z",
      },
    },
    message: "Order received",
  },
});

export const posConnectRoute = defineRoute({
  id: "posConnect",
  method: "POST",
  path: "/api/v1/pos/connect",
  tag: "POS integration",
  auth: "required",
  summary: "Connect a POS",
  description:
    "Connects a restaurant to a POS with tokens from the provider's OAuth flow. Tokens are stored encrypted and are never returned by any endpoint. A restaurant has at most one live connection per provider; connecting again replaces its tokens.",
  body: s.posConnectBodySchema,
  response: s.posIntegrationResponseSchema,
  successes: [{ status: 200, description: "Connected" }],
  errors: [400, 401, 403, 404, 409, 413, 415, 429, 500],
  example: {
    body: {
      business_id: BUSINESS,
      provider: "square",
      access_token: "ACCESS_TOKEN_FROM_OAUTH",
      refresh_token: "REFRESH_TOKEN_FROM_OAUTH",
      token_expires_at: "2025-12-31T23:59:59Z",
      location_id: "L8Y1Z2X3W4V5",
      merchant_id: "MLQ9R8S7T6U5",
    },
    response: { integration: { ...exampleIntegration, last_sync_at: null, created_at: "2025-11-15T10:00:00.000Z" } },
    message: "square POS integration connected successfully",
  },
});

export const posDisconnectRoute = defineRoute({
  id: "posDisconnect",
  method: "POST",
  path: "/api/v1/pos/disconnect",
  tag: "POS integration",
  auth: "required",
  summary: "Disconnect a POS",
  description:
    "Stops automatic order syncing for a restaurant (`is_active` becomes false) and discards its tokens. Sync history is kept for audit; orders revert to manual entry in the POS.",
  body: s.posDisconnectBodySchema,
  response: s.posDisconnectResponseSchema,
  successes: [{ status: 200, description: "Disconnected" }],
  errors: [400, 401, 403, 404, 413, 415, 429, 500],
  example: {
    body: { business_id: BUSINESS },
    response: { integrations: [{ ...exampleIntegration, is_active: false, status: "disconnected", health: "offline" }] },
    message: "POS integration disconnected successfully",
  },
});

export const posIntegrationRoute = defineRoute({
  id: "getPosIntegration",
  method: "GET",
  path: "/api/v1/pos/integration/{businessId}",
  tag: "POS integration",
  auth: "required",
  summary: "Get integration settings",
  description: "The restaurant's current POS integration, with its health and last error. Access and refresh tokens are never returned.",
  params: s.businessIdParamsSchema,
  response: s.posIntegrationResponseSchema,
  successes: [{ status: 200, description: "The integration" }],
  errors: [400, 401, 403, 404, 429, 500],
  example: { params: { businessId: BUSINESS }, response: { integration: exampleIntegration } },
});

export const posSyncRoute = defineRoute({
  id: "syncOrder",
  method: "POST",
  path: "/api/v1/pos/sync/{orderId}",
  tag: "Order sync",
  auth: "required",
  summary: "Sync an order now",
  description:
    "Queues an order for the POS right away: to retry a failed sync or push a historical order. The POS never receives it twice: every attempt reuses the order's idempotency key. An order that already synced successfully is a 409.",
  params: s.orderIdParamsSchema,
  response: s.posSyncResponseSchema,
  successes: [{ status: 200, description: "Sync queued" }],
  errors: [400, 401, 403, 404, 409, 429, 500],
  example: {
    params: { orderId: ORDER },
    response: {
      syncLog: { ...exampleLog, status: "pending", pos_order_id: null, duration_ms: null, completed_at: null },
    },
    message: "Order sync initiated",
  },
});

export const posHistoryRoute = defineRoute({
  id: "getSyncHistory",
  method: "GET",
  path: "/api/v1/pos/history/{businessId}",
  tag: "Order sync",
  auth: "required",
  summary: "Sync history",
  description: "Every order sync of a restaurant, newest first, with its retries, duration and last error.",
  params: s.businessIdParamsSchema,
  query: s.posHistoryQuerySchema,
  response: s.posHistoryResponseSchema,
  successes: [{ status: 200, description: "A page of sync logs" }],
  errors: [400, 401, 403, 404, 429, 500],
  example: {
    params: { businessId: BUSINESS },
    query: { limit: 50, offset: 0 },
    response: {
      logs: [
        exampleLog,
        {
          ...exampleLog,
          id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
          order_id: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
          status: "retry",
          pos_order_id: null,
          retry_count: 2,
          duration_ms: 10000,
          next_retry_at: "2025-11-15T14:40:00.000Z",
          error_message: "Connection timeout",
          completed_at: null,
          created_at: "2025-11-15T14:25:00.000Z",
        },
      ],
      total: 150,
      limit: 50,
      offset: 0,
    },
  },
});

export const posStatsRoute = defineRoute({
  id: "getSyncStats",
  method: "GET",
  path: "/api/v1/pos/stats/{businessId}",
  tag: "Order sync",
  auth: "required",
  summary: "Sync statistics",
  description: "Totals of a restaurant's order syncs. `success_rate` is successful_syncs / total_syncs × 100, rounded to one decimal (0 when there are none).",
  params: s.businessIdParamsSchema,
  response: s.posStatsResponseSchema,
  successes: [{ status: 200, description: "The statistics" }],
  errors: [400, 401, 403, 404, 429, 500],
  example: {
    params: { businessId: BUSINESS },
    response: { stats: { total_syncs: 150, successful_syncs: 145, failed_syncs: 3, pending_retries: 2, success_rate: 96.7 } },
  },
});

export const posRotateSecretRoute = defineRoute({
  id: "rotateWebhookSecret",
  method: "POST",
  path: "/api/v1/pos/integration/{businessId}/rotate-secret",
  tag: "POS integration",
  auth: "required",
  summary: "Rotate the webhook secret",
  description:
    "Issues a new per-restaurant webhook secret (seed 002) and returns it once. The previous secret keeps verifying for a grace window (24 h by default) so the POS can be updated without dropping webhooks. Needs the manager role when called with a session.",
  params: s.businessIdParamsSchema,
  response: ws.rotateSecretResponseSchema,
  successes: [{ status: 200, description: "Rotated; the new secret is in the response" }],
  errors: [400, 401, 403, 404, 429, 500],
  example: {
    params: { businessId: BUSINESS },
    response: {
      webhook_secret: "whsec_3f9a…",
      webhook_url: `https://switchboard.example.com/api/webhooks/square/order-status/${INTEGRATION}`,
      previous_secret_valid_until: "2025-11-16T14:30:00.000Z",
    },
    message: "Webhook secret rotated",
  },
});

export const posHealthRoute = defineRoute({
  id: "getIntegrationHealth",
  method: "GET",
  path: "/api/v1/pos/integration/{businessId}/health",
  tag: "POS integration",
  auth: "required",
  summary: "Integration health",
  description:
    "Seed 002 health check from what is recorded: connection health, last successful sync, whether webhooks are arriving, and the latest sync/webhook errors. Does not call the POS.",
  params: s.businessIdParamsSchema,
  response: ws.integrationHealthResponseSchema,
  successes: [{ status: 200, description: "The integration's health" }],
  errors: [400, 401, 403, 404, 429, 500],
  example: {
    params: { businessId: BUSINESS },
    response: { status: "healthy", pos_type: "square", last_sync: "2025-11-15T14:30:15.000Z", webhook_status: "active", recent_errors: [] },
  },
});

export const putDishesRoute = defineRoute({
  id: "putDishes",
  method: "PUT",
  path: "/api/v1/restaurants/{restaurantId}/dishes",
  tag: "Menu",
  auth: "required",
  summary: "Send the restaurant's dishes",
  description:
    "The marketplace's dishes for one restaurant, upserted by `dish_id`. Each is matched against the menu synced from the restaurant's POS: a `pos_item_id` that exists on the POS is mapped (and confirmed) at once; otherwise name and price give a suggestion the seller reviews in Menu → Mapping. Orders for mapped dishes are sent as the POS's own items; unmapped dishes go by name. Invalid input stores nothing.",
  params: s.restaurantIdParamsSchema,
  body: s.putDishesBodySchema,
  response: s.putDishesResponseSchema,
  successes: [{ status: 200, description: "Dishes stored and matched" }],
  errors: [400, 401, 403, 404, 413, 415, 429, 500],
  example: {
    params: { restaurantId: BUSINESS },
    body: [
      { dish_id: "dish-paneer-tikka", name: "Paneer Tikka", price: 32000, currency: "INR" },
      { dish_id: "dish-garlic-naan", name: "Garlic Naan", price: 6000, currency: "INR", pos_item_id: "20001" },
    ],
    response: { upserted: 2, matching: [{ suggested: 1, auto_confirmed: 1, unmatched: 0, kept: 0 }] },
    message: "Dishes received",
  },
});

export const restaurantMenuRoute = defineRoute({
  id: "getRestaurantMenu",
  method: "GET",
  path: "/api/v1/restaurants/{restaurantId}/menu",
  tag: "Restaurants",
  auth: "required",
  summary: "Restaurant menu",
  description:
    "The restaurant's menu as synced from its POS: categories → items with price (minor units of `currency`), image, variations and modifier groups. `available` is the effective availability now: an item 86'd until a time that has passed is available again. `snoozed_until` says when a sold-out row comes back by itself (null: until turned back on). Rows the POS removed are left out.",
  params: s.restaurantIdParamsSchema,
  response: menuResponseSchema,
  successes: [{ status: 200, description: "The menu" }],
  errors: [400, 401, 403, 404, 429, 500],
  example: {
    params: { restaurantId: BUSINESS },
    response: {
      restaurant_id: BUSINESS,
      currency: "USD",
      generated_at: "2025-11-15T14:30:00.000Z",
      categories: [
        {
          id: "0b6c3a1e-2d4f-4a8b-9c7d-1e2f3a4b5c6d",
          external_id: "CAT-MAINS",
          name: "Mains",
          items: [
            {
              id: "1c7d4b2f-3e5a-4b9c-8d1e-2f3a4b5c6d7e",
              external_id: "ITEM-PANEER",
              name: "Paneer Butter Masala",
              description: "Cottage cheese in a tomato-butter gravy",
              price: 1450,
              currency: "USD",
              image_url: null,
              available: false,
              snoozed_until: "2025-11-16T05:00:00.000Z",
              variations: [{ id: "2d8e5c3a-4f6b-4c1d-9e2f-3a4b5c6d7e8f", external_id: "VAR-PANEER-REG", name: "Regular", price: 1450, available: true, snoozed_until: null }],
              modifier_groups: [
                {
                  id: "3e9f6d4b-5a7c-4d2e-8f3a-4b5c6d7e8f9a",
                  external_id: "MOD-SPICE",
                  name: "Spice level",
                  min_select: 0,
                  max_select: 1,
                  modifiers: [{ id: "4f0a7e5c-6b8d-4e3f-9a4b-5c6d7e8f9a0b", external_id: "MOD-EXTRA-HOT", name: "Extra hot", price: 0, available: true, snoozed_until: null }],
                },
              ],
            },
          ],
        },
      ],
    },
  },
});

export const restaurantMenuSyncRoute = defineRoute({
  id: "syncRestaurantMenu",
  method: "POST",
  path: "/api/v1/restaurants/{restaurantId}/menu/sync",
  tag: "Restaurants",
  auth: "required",
  summary: "Sync the menu now",
  description:
    "Pulls the restaurant's whole menu from its POS in the background and applies only what changed (new, changed and removed items; POS sold-out). Answers at once with the run (`status: running`); poll it in the seller UI or call again: while a sync of the connection is under way the same run is returned (`already_running`). Items are removed only after a complete fetch; a POS that rejects our access ends the run with `error_code: needs_reauth`. 409: the POS cannot share its menu, or must be reconnected first.",
  params: s.restaurantIdParamsSchema,
  response: menuSyncResponseSchema,
  successes: [{ status: 200, description: "Sync queued (or already running)" }],
  errors: [400, 401, 403, 404, 409, 429, 500],
  example: {
    params: { restaurantId: BUSINESS },
    response: {
      sync_run: {
        id: "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        connection_id: INTEGRATION,
        type: "full",
        trigger: "manual",
        status: "running",
        fetched_count: 0,
        created_count: 0,
        updated_count: 0,
        removed_count: 0,
        unchanged_count: 0,
        errors: [],
        error_code: null,
        started_at: "2025-11-15T14:30:00.000Z",
        completed_at: null,
        duration_ms: null,
      },
      already_running: false,
    },
    message: "Menu sync started",
  },
});

/** In the order the docs present them. */
export const API_ROUTES: RouteSpec[] = [
  listRestaurantsRoute,
  restaurantMenuRoute,
  restaurantMenuSyncRoute,
  createOrderRoute,
  putDishesRoute,
  posConnectRoute,
  posDisconnectRoute,
  posIntegrationRoute,
  posHealthRoute,
  posRotateSecretRoute,
  posSyncRoute,
  posHistoryRoute,
  posStatsRoute,
];

export const ERROR_DESCRIPTIONS: Record<ErrorStatus, { title: string; description: string }> = {
  400: { title: "Bad Request", description: "Validation failed (see `errors`), or the body is not valid JSON." },
  401: { title: "Unauthorized", description: "No credentials, or an invalid or revoked API key." },
  403: { title: "Forbidden", description: "Signed in, but not a member of an organization, or the role is too low." },
  404: { title: "Not Found", description: "No such resource in your organization. Other organizations' ids are always 404." },
  409: { title: "Conflict", description: "The request conflicts with the resource's current state." },
  413: { title: "Payload Too Large", description: "The body is larger than 1 MB." },
  415: { title: "Unsupported Media Type", description: "The body must be sent with Content-Type: application/json." },
  429: { title: "Too Many Requests", description: "Slow down; wait for the number of seconds in Retry-After." },
  500: { title: "Internal Server Error", description: "Something broke on our side. It is logged; retry later." },
};
