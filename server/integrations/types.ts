/**
 * The provider contract: what every POS adapter offers, in our canonical shapes. A vendor's
 * wire format, money units and quirks stay inside its own folder; the sync engine, webhooks
 * and menus only ever see these types. Capabilities a vendor lacks are simply absent.
 */
import type { z } from "zod";
import type { OrderStatus } from "~/db/schema";

// ─── Canonical order ────────────────────────────────────────────────────────────────

/** Money is always integer minor units of `currency` (ISO 4217). */
export type CanonicalModifier = { name: string; price: number; quantity: number; posModifierId?: string };

export type CanonicalLineItem = {
  dishId?: string;
  name: string;
  quantity: number;
  unitPrice: number;
  modifiers: CanonicalModifier[];
  note?: string;
  /** Filled from the connection's item mapping when the seller mapped this dish. */
  posItemId?: string;
  posVariationId?: string;
};

export type CanonicalOrder = {
  /** Our order id: becomes the POS reference so an order can always be traced back. */
  id: string;
  externalId: string;
  type: "delivery" | "pickup" | "dine_in";
  currency: string;
  items: CanonicalLineItem[];
  /** Null when the restaurant turned sync_customer_info off. */
  customer: { name: string; phone?: string; email?: string } | null;
  deliveryAddress?: Record<string, string>;
  specialInstructions?: string;
  totals: { subtotal: number; tax: number; deliveryFee: number; tip: number; discount: number; total: number };
  placedAt: Date;
  /** Shown on the POS ticket as the order's source. */
  sourceName: string;
};

// ─── Credentials and context ────────────────────────────────────────────────────────

/** Decrypted credentials of one connection. Never logged, never returned by an API. */
export type Credentials = {
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: Date;
  apiKey?: string;
  /** Vendor-specific extras (e.g. a partner GUID), still secret. */
  extra?: Record<string, string>;
};

/** Platform-level app credentials for a provider (client id/secret), from provider_settings or env. */
export type AppCredentials = { clientId?: string; clientSecret?: string; extra?: Record<string, string> };

export type AdapterContext = {
  /** Vendor API base URL; tests and the sandbox point it at the provider's fake. */
  baseUrl: string;
  credentials: Credentials;
  app: AppCredentials;
  connection: {
    id: string;
    externalLocationId: string | null;
    externalMerchantId: string | null;
    config: Record<string, unknown>;
  };
  /** Per-request timeout; a timeout is an ambiguous outcome, retried with the same idempotency key. */
  timeoutMs: number;
  /** The provider's platform-wide defaults (admin-set provider_settings.globalConfig), merged under the connection's config. */
  platformConfig?: Record<string, unknown>;
};

// ─── Results ────────────────────────────────────────────────────────────────────────

export type PushOrderResult = {
  posOrderId: string;
  /** Small, secret-free summary for sync_attempts (ids, totals, vendor state). */
  summary?: Record<string, unknown>;
};

export type PosOrderSnapshot = { posOrderId: string; status: OrderStatus | null; vendorState: string; updatedAt?: Date };

export type PosLocation = { id: string; name: string; currency?: string; timezone?: string; active: boolean };

export type TokenSet = {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: Date;
  merchantId?: string;
};

/**
 * A POS menu in one shape for every provider (seed 000 normalizeMenuFormat, seed 002 menu
 * schema). Prices are integer minor units of `currency`; ids are the POS's own. Rows an
 * adapter could not read go to `errors` (reported on the sync run, skipped) — never thrown.
 * An adapter returns a menu only after fetching ALL of it: a failed page throws, so a sync
 * never mistakes "not fetched" for "removed".
 */
export type NormalizedMenu = {
  currency: string;
  categories: { externalId: string; name: string; sortOrder: number }[];
  items: NormalizedMenuItem[];
  modifierGroups: NormalizedModifierGroup[];
  errors: { kind: string; externalId?: string; message: string }[];
};

export type NormalizedMenuItem = {
  externalId: string;
  categoryExternalId?: string;
  name: string;
  description?: string;
  /** Null when priced by variations or at sale time. */
  price: number | null;
  imageUrl?: string;
  sortOrder: number;
  available: boolean;
  /** `posRef`: a second vendor id an order line needs besides externalId (see item_variations.pos_ref). */
  variations: { externalId: string; posRef?: string; name: string; price: number | null; sortOrder: number; available: boolean }[];
  modifierGroupExternalIds: string[];
};

export type NormalizedModifierGroup = {
  externalId: string;
  name: string;
  minSelect: number;
  maxSelect: number | null;
  sortOrder: number;
  modifiers: { externalId: string; name: string; price: number; sortOrder: number; available: boolean }[];
};

/** One availability change to push to the POS, by the POS's own ids. */
export type AvailabilityPush = {
  targetType: "item" | "variation" | "modifier";
  externalId: string;
  /** For an item: its variations' ids (Square counts stock per variation). */
  variationExternalIds: string[];
  available: boolean;
  /** When it comes back on by itself; null = until turned back on. */
  snoozedUntil: Date | null;
};

export type HealthResult = { ok: boolean; latencyMs: number; detail?: string };

export type WebhookRequest = { rawBody: string; headers: Headers; url: string };

/**
 * Where an event belongs, for providers that sign with one app-wide key and send every
 * merchant's events to one URL (Square): the ingress routes it to a connection by these.
 */
export type WebhookEventRouting = { merchantId?: string; locationId?: string };

/** A vendor event normalized for our processors. */
export type ParsedWebhookEvent = WebhookEventRouting & (
  | { kind: "order_status"; eventId: string; posOrderId: string; vendorState: string; status: OrderStatus | null; occurredAt: Date }
  | { kind: "menu_changed"; eventId: string; occurredAt: Date }
  | { kind: "stock_changed"; eventId: string; posItemId: string; available: boolean; occurredAt: Date }
  | { kind: "auth_revoked"; eventId: string; merchantId?: string; occurredAt: Date }
  | { kind: "ignored"; eventId: string; type: string; occurredAt?: Date }
);

// ─── Capabilities ───────────────────────────────────────────────────────────────────

export interface OAuthCapability {
  authorizeUrl(input: { state: string; redirectUri: string; app: AppCredentials; baseUrl: string }): string;
  exchangeCode(input: { code: string; redirectUri: string; app: AppCredentials; baseUrl: string; timeoutMs: number }): Promise<TokenSet>;
  refreshToken(input: { refreshToken: string; app: AppCredentials; baseUrl: string; timeoutMs: number }): Promise<TokenSet>;
}

export interface PosAdapter {
  /** Must be idempotent on `idempotencyKey`: the same key never creates a second POS order. */
  pushOrder(ctx: AdapterContext, order: CanonicalOrder, opts: { idempotencyKey: string }): Promise<PushOrderResult>;
  getOrder?(ctx: AdapterContext, posOrderId: string): Promise<PosOrderSnapshot>;
  cancelOrder?(ctx: AdapterContext, posOrderId: string, opts: { idempotencyKey: string; reason?: string }): Promise<void>;
  listLocations?(ctx: AdapterContext): Promise<PosLocation[]>;
  /** The whole menu, normalized; throws if any page fails (see NormalizedMenu). */
  fetchMenu?(ctx: AdapterContext): Promise<NormalizedMenu>;
  /** Mark a menu row sold out / back on at the POS (86). Throws AppError like every call. */
  setAvailability?(ctx: AdapterContext, input: AvailabilityPush): Promise<void>;
  healthCheck?(ctx: AdapterContext): Promise<HealthResult>;
}

export interface WebhookCapability {
  /** Constant-time check against every currently valid secret. */
  verify(req: WebhookRequest, secrets: string[]): boolean;
  parse(rawBody: string): ParsedWebhookEvent[];
}

// ─── Provider metadata ──────────────────────────────────────────────────────────────

export type ProviderCapability =
  | "oauth"
  | "push_order"
  | "get_order"
  | "cancel_order"
  | "list_locations"
  | "fetch_catalog"
  | "set_availability"
  | "webhooks"
  | "health_check";

export type ProviderMetadata = {
  id: string;
  name: string;
  kind: "pos" | "channel";
  /** ISO country codes or "global". */
  regions: string[];
  auth:
    | { mode: "oauth2"; authorizePath: string; tokenPath: string; scopes: string[] }
    | { mode: "api_key" | "basic"; fields: string[] };
  capabilities: ProviderCapability[];
  statusMode: "webhook" | "polling";
  /** Vendor API base URLs; `SQUARE_BASE_URL`-style env overrides win. */
  baseUrls: { production: string; sandbox?: string };
  /** Per-restaurant config overrides (validated before they are stored). */
  configSchema: z.ZodType<Record<string, unknown>>;
  docsUrl: string;
};

/**
 * How a provider's webhooks are authenticated and routed, beside its WebhookCapability (which
 * only verifies and parses). Without one: per-restaurant secrets from webhook_secrets, signed
 * over the request URL, no signed timestamp.
 */
export type IngressProfile = {
  /**
   * "app": one key for the whole app (e.g. Square's subscription signature key); events are
   * routed to a connection by merchant id. "connection": per-restaurant secrets (seed 002).
   */
  signing: "app" | "connection";
  appSecrets?: () => string[];
  /** The URL the vendor signed; defaults to the request URL. */
  notificationUrl?: (requestUrl: string) => string;
  /**
   * The delivery's signed timestamp, where the scheme has one (from the verified call's parsed
   * events or its headers); older than maxAgeMs is stale.
   */
  signedTimestamp?: (call: { events: ParsedWebhookEvent[]; headers: Headers }) => Date | null;
  maxAgeMs?: number;
};

/** Everything a provider module exports to the registry. */
export type ProviderModule = {
  metadata: ProviderMetadata;
  adapter: PosAdapter;
  oauth?: OAuthCapability;
  webhooks?: WebhookCapability;
  ingress?: IngressProfile;
};
