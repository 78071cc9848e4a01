/**
 * Seed 002 "Configuration Merging": a provider's effective configuration for one restaurant is
 *   1. provider defaults set by an admin (`provider_settings.globalConfig`),
 *   2. the platform's sealed provider credentials (`provider_settings.credentials*`),
 *   3. the restaurant's overrides (`connections.config`, already validated by the provider's
 *      `configSchema` when stored),
 *   4. core integration fields (e.g. the POS restaurant id from the connection),
 * merged in that order (later wins) and validated by the provider's *resolved* schema, so a
 * missing required field is reported once, by name, before any vendor call.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "~/db/client";
import { providerSettings } from "~/db/schema";
import { AppError } from "~/server/errors";
import { open, seal, type Sealed } from "~/server/vault/vault";

export type ConfigLayer = Record<string, unknown> | null | undefined;

export type ConfigLayers = {
  /** Admin-set provider defaults (`provider_settings.globalConfig`). */
  global?: ConfigLayer;
  /** Platform credentials, opened from `provider_settings.credentialsCiphertext`. */
  platformCredentials?: ConfigLayer;
  /** Restaurant overrides (`connections.config`), plus the connection's own credentials if any. */
  restaurant?: ConfigLayer;
  /** Core integration fields that always win (e.g. restID from the connection's location). */
  core?: ConfigLayer;
};

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * Deep merge, later layers win. Plain objects merge key by key; arrays and scalars replace;
 * `undefined` and `null` in a later layer mean "not set here" (a restaurant cannot blank out a
 * platform credential by storing null). Prototype keys from stored JSON are dropped.
 */
export function mergeConfigLayers(...layers: ConfigLayer[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (UNSAFE_KEYS.has(key) || value === undefined || value === null) continue;
      const current = out[key];
      out[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfigLayers(current, value) : isPlainObject(value) ? mergeConfigLayers(value) : value;
    }
  }
  return out;
}

function valueAt(obj: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Pure: merge the layers and validate with `schema`. Throws BAD_REQUEST naming every missing
 * field (`details.missing`) and every invalid one (`details.invalid`); values are never echoed,
 * since some are secrets.
 */
export function mergeProviderConfig<S extends z.ZodType>(providerName: string, schema: S, layers: ConfigLayers): z.output<S> {
  const merged = mergeConfigLayers(layers.global, layers.platformCredentials, layers.restaurant, layers.core);
  const parsed = schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const missing: string[] = [];
  const invalid: Array<{ path: string; message: string }> = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    if (valueAt(merged, issue.path) === undefined) missing.push(path);
    else invalid.push({ path, message: issue.message });
  }
  const parts = [
    missing.length ? `missing ${missing.join(", ")}` : "",
    invalid.length ? `invalid ${invalid.map((i) => `${i.path} (${i.message})`).join(", ")}` : "",
  ].filter(Boolean);
  throw new AppError("BAD_REQUEST", `${providerName} configuration is incomplete: ${parts.join("; ")}`, {
    details: { provider: providerName, missing, invalid },
  });
}

// ─── Loader ─────────────────────────────────────────────────────────────────────────

/** AAD for the platform credentials of a provider, so a ciphertext cannot be moved to another row. */
export const providerCredentialsContext = (provider: string) => `provider_settings:${provider}`;

export function sealProviderCredentials(provider: string, credentials: Record<string, unknown>): Sealed {
  return seal(credentials, providerCredentialsContext(provider));
}

/** The provider-level layers (global config + opened platform credentials) for one provider. */
export async function loadProviderLayers(db: DbOrTx, provider: string): Promise<{ enabled: boolean; global: ConfigLayer; platformCredentials: ConfigLayer }> {
  const [row] = await db.select().from(providerSettings).where(eq(providerSettings.provider, provider)).limit(1);
  if (!row) return { enabled: true, global: {}, platformCredentials: {} };
  const platformCredentials =
    row.credentialsCiphertext && row.credentialsKeyId
      ? open<Record<string, unknown>>({ ciphertext: row.credentialsCiphertext, keyId: row.credentialsKeyId }, providerCredentialsContext(provider))
      : {};
  return { enabled: row.enabled, global: row.globalConfig, platformCredentials };
}

/**
 * Loads provider_settings for `provider` and merges them with one restaurant's overrides.
 * A disabled provider is refused (PRECONDITION_FAILED).
 */
export async function loadProviderConfig<S extends z.ZodType>(
  db: DbOrTx,
  input: { provider: string; providerName: string; schema: S; restaurant?: ConfigLayer; core?: ConfigLayer },
): Promise<z.output<S>> {
  const layers = await loadProviderLayers(db, input.provider);
  if (!layers.enabled) throw new AppError("PRECONDITION_FAILED", `${input.providerName} is disabled by the platform admin`);
  return mergeProviderConfig(input.providerName, input.schema, { global: layers.global, platformCredentials: layers.platformCredentials, restaurant: input.restaurant, core: input.core });
}
