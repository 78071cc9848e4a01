/**
 * PetPooja as data: metadata for the registry and the config schemas. Wire facts are cited from
 * ../shared/reference/pos-ncr-petpooja-touchbistro-zoho-simphony-others.md §2 ("ref §2.x") and seed
 * 002 (PetPooja master guide). PetPooja has no public docs: every fact the reference marks [U]
 * (unconfirmed) is a config field here with a documented default, never a silent guess.
 */
import { z } from "zod";
import type { ProviderMetadata } from "../types";

/** [ref §2.1] Sandbox hosts (AWS API Gateway, ap-southeast-1). */
export const PETPOOJA_SANDBOX_BASE_URL = "https://qle1yy2ydc.execute-api.ap-southeast-1.amazonaws.com/V1";
/** [ref §2.1] A logged successful save_order used this host, not the menu host. */
export const PETPOOJA_SANDBOX_SAVE_ORDER_URL = "https://47pfzh5sf2.execute-api.ap-southeast-1.amazonaws.com/V1/save_order";
/** [ref §2.1, U] Production host is UNCONFIRMED: seen in one integrator's code. Override with PETPOOJA_BASE_URL. */
export const PETPOOJA_PRODUCTION_BASE_URL = "https://api-v2.petpooja.com";

/** [ref §2.2, §2.3, §2.5] Paths on the base URL. */
export const PETPOOJA_DEFAULT_PATHS = {
  save_order: "/save_order",
  update_order_status: "/update_order_status",
  fetch_menu: "/mapped_restaurant_menus",
  /**
   * [U] Partner → PetPooja item/add-on stock on/off. The reference only has the PetPooja → partner
   * direction (§2.6); the path is unconfirmed, the body mirrors §2.6. Override per platform/restaurant.
   */
  item_stock: "/update_item_stock",
} as const;

/** A path on the PetPooja base URL: no scheme, no host, no `..` (a restaurant may not send our credentials elsewhere). */
const endpointPath = z
  .string()
  .regex(/^\/[A-Za-z0-9_\-./]*$/, "an endpoint override is a path on the PetPooja base URL, e.g. /save_order")
  .refine((p) => !p.split("/").includes(".."), "an endpoint path may not contain ..");

/** Platform level only (admin / env): a full https URL is allowed too, e.g. the sandbox save_order host. */
const endpointPathOrUrl = z.union([endpointPath, z.url({ protocol: /^https?$/ })]);

const endpointsShape = <T extends z.ZodType>(t: T) =>
  z.object({ save_order: t.optional(), update_order_status: t.optional(), fetch_menu: t.optional(), item_stock: t.optional() }).strict();

const addonRef = z.object({
  id: z.string().min(1),
  /** [ref §2.2] `AddonItem.group_id` is an INTEGER on the wire; a string was rejected. */
  group_id: z.number().int(),
  group_name: z.string().min(1),
});

/**
 * Everything a restaurant (connections.config) or an admin (provider_settings.globalConfig) may
 * set. All optional: required values are checked on the merged result (petpoojaResolvedConfigSchema).
 */
const sharedOverrides = {
  /** [ref §2.1] The mapping / menu sharing code. Normally the connection's location id, which wins. */
  restID: z.string().min(1).max(100).optional(),
  // Seed 002 "Restaurant-Specific Overrides": shown in `Restaurant.details`.
  restaurant_name_petpooja: z.string().max(200).optional(),
  restaurant_address_petpooja: z.string().max(500).optional(),
  restaurant_contact_petpooja: z.string().max(100).optional(),
  /** [ref §2.2] Device id sent with orders; "" is what integrators send. */
  udid: z.string().max(200).optional(),
  /** [ref §2.2 says "Web"; seed 002 says "WebClient"; U] */
  device_type: z.string().min(1).max(50).optional(),
  /** [ref §2.2, U] `udid`/`device_type` at the body root (logged success) or inside `orderinfo` (aglio doc). */
  udid_placement: z.enum(["root", "orderinfo"]).optional(),
  /** [ref §2.1, U] Menu fetch credentials as headers `app-key`… (chatbot--ai) or in the body (another integrator). */
  menu_credentials: z.enum(["headers", "body"]).optional(),
  /** [ref §2.2, U] "COD" is seen; "PAID" for prepaid in one transformer; marketplace orders are prepaid. */
  payment_type: z.string().min(1).max(20).optional(),
  /** `Order.details.callback_url`: where PetPooja posts status callbacks [ref §2.4]. */
  callback_url: z.url({ protocol: /^https?$/ }).optional(),
  min_prep_time: z.number().int().min(0).max(600).optional(),
  /** [ref §2.2, U] Meaning not documented (0/1); sent as given. */
  enable_delivery: z.union([z.literal(0), z.literal(1)]).optional(),
  /** Time zone for `preorder_date`/`preorder_time`/`created_on` (IANA); PetPooja is India-only. */
  timezone: z.string().min(1).max(64).optional(),
  /** Which of our ids becomes `Order.details.orderID` (the client order id PetPooja echoes back). */
  order_id_source: z.enum(["order_id", "external_id"]).optional(),
  /**
   * Our modifiers have no PetPooja ids: map a modifier name (case-insensitive) to the PetPooja
   * add-on. Unmapped add-ons fail validation, naming the add-on.
   */
  addon_mapping: z.record(z.string().min(1).max(200), addonRef).optional(),
  /** One `Tax.details` line for the order's tax total (we do not carry a per-tax breakdown). */
  tax: z.object({ id: z.string().min(1), title: z.string().min(1), type: z.enum(["P", "F"]), rate: z.string().regex(/^\d+(\.\d+)?$/) }).optional(),
  /** `Discount.details` id/title for the order's discount total. */
  discount: z.object({ id: z.string().min(1), title: z.string().min(1) }).optional(),
  /**
   * [ref §2.2, U] Vendor `errorCode`s (HTTP 200, success "0") meaning bad credentials, and the
   * code / message fragments of a duplicate clientOrderID rejection. None are documented.
   */
  error_codes: z
    .object({
      auth: z.array(z.string()).optional(),
      duplicate: z.array(z.string()).optional(),
      duplicate_message: z.array(z.string().min(3)).optional(),
    })
    .optional(),
};

/** Per-restaurant overrides (connections.config): endpoint overrides are paths only. */
export const petpoojaConfigSchema = z.object({ ...sharedOverrides, endpoints: endpointsShape(endpointPath).optional() }).strict();

/** Admin-set provider defaults (provider_settings.globalConfig): full URLs allowed for endpoints. */
export const petpoojaGlobalConfigSchema = z.object({ ...sharedOverrides, endpoints: endpointsShape(endpointPathOrUrl).optional() }).strict();

export type PetpoojaConfig = z.output<typeof petpoojaConfigSchema>;

/**
 * Default fragment of a duplicate-order message [U]; configurable via error_codes.duplicate_message.
 * Deliberately narrow: a rejection misread as "already saved" would lose the order silently.
 */
export const PETPOOJA_DUPLICATE_MESSAGE_DEFAULTS = ["order already exist"];

/** The merged configuration an adapter call runs with (seed 002 configSchema.required + defaults). */
export const petpoojaResolvedConfigSchema = z.object({
  app_key: z.string().min(1),
  app_secret: z.string().min(1),
  access_token: z.string().min(1),
  restID: z.string().min(1),
  restaurant_name_petpooja: z.string().default(""),
  restaurant_address_petpooja: z.string().default(""),
  restaurant_contact_petpooja: z.string().default(""),
  udid: z.string().default(""),
  device_type: z.string().min(1).default("Web"),
  udid_placement: z.enum(["root", "orderinfo"]).default("root"),
  menu_credentials: z.enum(["headers", "body"]).default("headers"),
  payment_type: z.string().min(1).default("PAID"),
  callback_url: z.string().optional(),
  min_prep_time: z.number().int().default(20),
  enable_delivery: z.union([z.literal(0), z.literal(1)]).default(1),
  timezone: z.string().default("Asia/Kolkata"),
  order_id_source: z.enum(["order_id", "external_id"]).default("order_id"),
  addon_mapping: z.record(z.string(), addonRef).default({}),
  tax: sharedOverrides.tax,
  discount: sharedOverrides.discount,
  error_codes: z
    .object({
      auth: z.array(z.string()).default([]),
      duplicate: z.array(z.string()).default([]),
      duplicate_message: z.array(z.string()).default(PETPOOJA_DUPLICATE_MESSAGE_DEFAULTS),
    })
    .default({ auth: [], duplicate: [], duplicate_message: PETPOOJA_DUPLICATE_MESSAGE_DEFAULTS }),
  endpoints: z
    .object({
      save_order: endpointPathOrUrl.default(PETPOOJA_DEFAULT_PATHS.save_order),
      update_order_status: endpointPathOrUrl.default(PETPOOJA_DEFAULT_PATHS.update_order_status),
      fetch_menu: endpointPathOrUrl.default(PETPOOJA_DEFAULT_PATHS.fetch_menu),
      item_stock: endpointPathOrUrl.default(PETPOOJA_DEFAULT_PATHS.item_stock),
    })
    .default({ ...PETPOOJA_DEFAULT_PATHS }),
});

export type PetpoojaSettings = z.output<typeof petpoojaResolvedConfigSchema>;

export const metadata: ProviderMetadata = {
  id: "petpooja",
  name: "PetPooja",
  kind: "pos",
  regions: ["IN"],
  // [ref §2.1] Static partner credentials (no OAuth, no expiry) plus the restaurant's mapping code.
  auth: { mode: "api_key", fields: ["app_key", "app_secret", "access_token", "restID"] },
  capabilities: ["push_order", "cancel_order", "fetch_catalog", "set_availability", "webhooks", "health_check"],
  // [ref §2.4] PetPooja POSTs status callbacks to Order.details.callback_url; there is no order read API.
  statusMode: "webhook",
  baseUrls: { production: PETPOOJA_PRODUCTION_BASE_URL, sandbox: PETPOOJA_SANDBOX_BASE_URL },
  configSchema: petpoojaConfigSchema,
  docsUrl: "https://developerapi.petpooja.com",
};
