/**
 * Shapes of the Square fake: its wire objects (snake_case, integer minor-unit money, exactly as
 * Square sends them [reference §1.2]) and its inspectable state.
 */

export type WireMoney = { amount: number; currency: string };

export type WireModifier = {
  uid: string;
  catalog_object_id?: string;
  name?: string;
  quantity: string;
  base_price_money: WireMoney;
  total_price_money: WireMoney;
};

export type WireLineItem = {
  uid: string;
  catalog_object_id?: string;
  name?: string;
  variation_name?: string;
  quantity: string;
  note?: string;
  modifiers?: WireModifier[];
  base_price_money: WireMoney;
  gross_sales_money: WireMoney;
  total_money: WireMoney;
};

export type WireFulfillment = {
  uid: string;
  type: string;
  state: string;
  pickup_details?: Record<string, unknown>;
  delivery_details?: Record<string, unknown>;
};

export type WireOrder = {
  id: string;
  location_id: string;
  reference_id?: string;
  source?: { name?: string };
  line_items: WireLineItem[];
  fulfillments: WireFulfillment[];
  metadata?: Record<string, string>;
  tenders: Array<{ id: string; type: string; amount_money: WireMoney; payment_id: string }>;
  state: "OPEN" | "COMPLETED" | "CANCELED" | "DRAFT";
  version: number;
  created_at: string;
  updated_at: string;
  closed_at?: string;
  total_money: WireMoney;
  total_tax_money: WireMoney;
  total_discount_money: WireMoney;
  total_tip_money: WireMoney;
  total_service_charge_money: WireMoney;
  net_amount_due_money: WireMoney;
};

export type WirePayment = {
  id: string;
  created_at: string;
  updated_at: string;
  amount_money: WireMoney;
  total_money: WireMoney;
  status: "APPROVED" | "COMPLETED";
  source_type: string;
  external_details?: { type: string; source: string; source_id?: string };
  location_id: string;
  order_id?: string;
  reference_id?: string;
  note?: string;
};

export type WireLocation = {
  id: string;
  name: string;
  merchant_id: string;
  status: "ACTIVE" | "INACTIVE";
  currency: string;
  country: string;
  timezone: string;
  business_name: string;
  capabilities: string[];
};

/** A catalog object as ListCatalog returns it; nested ITEM_VARIATIONs live in `item_data`. */
export type WireCatalogObject = {
  type: "ITEM" | "CATEGORY" | "MODIFIER_LIST" | "ITEM_VARIATION" | "MODIFIER";
  id: string;
  version: number;
  updated_at: string;
  is_deleted: boolean;
  present_at_all_locations: boolean;
  item_data?: Record<string, unknown> & { name: string; variations: WireCatalogObject[] };
  item_variation_data?: Record<string, unknown> & { item_id: string; name: string; price_money?: WireMoney };
  category_data?: { name: string };
  modifier_list_data?: Record<string, unknown> & { name: string; modifiers: WireCatalogObject[] };
  modifier_data?: { name: string; price_money: WireMoney; modifier_list_id: string; ordinal: number };
};

export type FakeSquareApp = { clientId: string; clientSecret: string; name: string; redirectUri?: string };

/** Behaviour our reference marks UNCONFIRMED, configurable instead of silently guessed. */
export type FakeSquareQuirks = {
  /** Same idempotency key, different body (Orders' exact code UNCONFIRMED [reference §1.2]). */
  idempotencyKeyReusedCode: string;
  /** Stale `version` on UpdateOrder (UNCONFIRMED on Orders [reference §1.7]). */
  versionMismatchCode: string;
  /** Auth codes expire after 5 minutes [docs/oauth-api/overview]. */
  authCodeTtlMs: number;
  /** 30 days; 24 h when `short_lived` [ObtainTokenResponse]. */
  accessTokenTtlMs: number;
  /** "Currently 100" [SDK ListCatalogRequest.ts]. */
  catalogPageSize: number;
};

export type FakeWebhookSubscription = { notificationUrl: string; signatureKey: string };

export type FakeRequestLogEntry = {
  at: string;
  method: string;
  path: string;
  /** From the JSON body, when the call carries one. Tokens and secrets are never logged. */
  idempotencyKey?: string;
  /** The `Square-Version` header the client sent, if any. */
  squareVersion?: string;
  status: number;
  fault?: "status" | "delay";
};

export type FakeTokenRecord = {
  merchantId: string;
  clientId: string;
  scopes: string[];
  expiresAt: Date;
  revoked: boolean;
  refreshToken: string;
};

export type FakeSquareState = {
  app: FakeSquareApp;
  merchantId: string;
  quirks: FakeSquareQuirks;
  locations: WireLocation[];
  catalog: WireCatalogObject[];
  orders: Map<string, WireOrder>;
  payments: Map<string, WirePayment>;
  requests: FakeRequestLogEntry[];
  subscriptions: FakeWebhookSubscription[];
  webhookDeliveries: Array<{ type: string; eventId: string; notificationUrl: string; status: number }>;
  /** Access token → record. Internal to the fake; tests use issueToken/expireToken/revokeToken. */
  tokens: Map<string, FakeTokenRecord>;
  refreshTokens: Map<string, { merchantId: string; clientId: string; scopes: string[]; revoked: boolean }>;
  codes: Map<string, { clientId: string; scopes: string[]; redirectUri?: string; expiresAt: number; used: boolean }>;
  /** `${endpoint}:${key}` → the first request's fingerprint and response. */
  idempotency: Map<string, { fingerprint: string; status: number; body: unknown }>;
};
