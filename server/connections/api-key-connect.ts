/**
 * Connecting a POS that authenticates with static credentials (metadata.auth.mode "api_key" or
 * "basic": PetPooja's app_key / app_secret / access_token + restID [ref §2.1], TouchBistro's
 * partner id, API key and location token, seed 000). The form fields come from the provider's
 * metadata (`auth.fields`), values are validated here (and against the provider's configSchema
 * where it knows the field), then stored through the same saveConnection as every other connect.
 */
import { z } from "zod";
import type { Db } from "~/db/client";
import { AppError } from "~/server/errors";
import { platformConfigOf } from "~/server/integrations/platform-config";
import { getProvider, isProviderId } from "~/server/integrations/registry";
import { providerRuntime } from "~/server/integrations/runtime";
import type { Credentials, HealthResult, ProviderMetadata } from "~/server/integrations/types";
import { fieldErrorsOf } from "~/server/rest/validation";
import { saveConnection, type Actor } from "./manage";

/**
 * Auth fields that name the POS location rather than a secret: they become the connection's
 * externalLocationId, the "core" layer of each provider's settings merge (petpooja/settings.ts
 * restID, touchbistro/settings.ts location_id).
 */
const LOCATION_FIELDS = new Set(["restID", "location_id"]);

export type ConnectField = {
  name: string;
  /** For people; the vendor's own field name is kept in brackets for the location, as vendor dashboards show it. */
  label: string;
  /** "secret": write-only, shown as a password input; "location": the POS location id. */
  kind: "secret" | "location";
  /** Secrets may be left blank: the platform's partner credentials apply (seed 002 config merging). */
  required: boolean;
};

/** "app_secret" → "App secret", "partner_id" → "Partner ID". */
const humanize = (name: string) => {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase().replace(/\bid\b/g, "ID");
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const noun = (f: Pick<ConnectField, "name" | "kind">) => (f.kind === "location" ? "Outlet ID" : humanize(f.name));

/** The connect form of an API-key provider, or null for OAuth providers (they connect in the browser). */
export function connectFields(m: ProviderMetadata): ConnectField[] | null {
  if (m.auth.mode === "oauth2") return null;
  return m.auth.fields.map((name) => {
    const kind = LOCATION_FIELDS.has(name) ? ("location" as const) : ("secret" as const);
    return { name, label: kind === "location" ? `${noun({ name, kind })} (${name})` : noun({ name, kind }), kind, required: kind === "location" };
  });
}

/** The transport shape; per-field rules depend on the provider and are applied by parseConnectFields. */
export const apiKeyConnectInputSchema = z.object({
  provider: z.string().trim().min(1).max(50),
  fields: z.record(z.string().max(64), z.string().max(4096)),
});

/** Keys and ids are opaque tokens: no spaces inside (a pasted "key " is trimmed; "key one" is a mistake). */
const token = (label: string, required: boolean) => {
  const missing = `Enter the ${label.replace(/^Outlet/, "outlet")}`;
  // A blank input is not sent at all: "missing" and "empty" get the same message.
  const base = z.string({ error: missing }).trim().max(1000, `${label} is too long`).regex(/^\S*$/, `${label} must not contain spaces`);
  return required ? base.min(1, missing) : base;
};

function badRequest(message: string, fieldErrors: Record<string, string[]>): never {
  throw new AppError("BAD_REQUEST", message, { details: { fieldErrors } });
}

/** Validate the submitted fields for `providerId`; errors are field-level, keyed by field name. */
export function parseConnectFields(providerId: string, fields: Record<string, string>) {
  if (!isProviderId(providerId)) badRequest(`Unknown provider "${providerId}"`, { provider: ["Unknown provider"] });
  const provider = getProvider(providerId);
  const form = connectFields(provider.metadata);
  if (!form) badRequest(`${provider.metadata.name} connects by signing in with ${provider.metadata.name}, not with keys`, { provider: ["Use the Connect button"] });
  const schema = z.strictObject(Object.fromEntries(form.map((f) => [f.name, f.required ? token(noun(f), true) : token(noun(f), false).optional()])));
  const parsed = schema.safeParse(fields);
  if (!parsed.success) badRequest("Check the highlighted fields", fieldErrorsOf(parsed.error, "fields"));
  const values = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => !!v)) as Record<string, string>;
  // Where the provider's own per-restaurant schema knows a field (PetPooja's restID), its rules apply too.
  const shape = (provider.metadata.configSchema as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const known = Object.fromEntries(Object.entries(values).filter(([k]) => k in shape));
  const config = z.object(Object.fromEntries(Object.keys(known).map((k) => [k, shape[k]!]))).safeParse(known);
  if (!config.success) badRequest("Check the highlighted fields", fieldErrorsOf(config.error, "fields"));
  const location = form.find((f) => f.kind === "location");
  const secrets = Object.fromEntries(form.filter((f) => f.kind === "secret" && values[f.name]).map((f) => [f.name, values[f.name]!]));
  // Each provider's connectionCredentialLayer reads its keys from Credentials.extra by field name.
  const credentials: Credentials = Object.keys(secrets).length ? { extra: secrets } : {};
  return { provider, credentials, locationId: location ? (values[location.name] ?? null) : null };
}

/** Validate and store an API-key connection; the returned row still holds ciphertext — map it with connectionView. */
export async function connectWithApiKey(db: Db, actor: Actor, input: { restaurantId: string; provider: string; fields: Record<string, string> }) {
  const { provider, credentials, locationId } = parseConnectFields(input.provider, input.fields);
  return saveConnection(db, actor, { restaurantId: input.restaurantId, provider: provider.metadata.id, credentials, locationId });
}

/** "Test connection" before saving: the adapter's health check with the submitted (unsaved) values. Never throws for a vendor error. */
export async function checkApiKeyConnection(db: Db, input: { provider: string; fields: Record<string, string> }, timeoutMs = 10_000): Promise<HealthResult> {
  const { provider, credentials, locationId } = parseConnectFields(input.provider, input.fields);
  const started = performance.now();
  if (!provider.adapter.healthCheck) return { ok: true, latencyMs: 0, detail: `${provider.metadata.name} has no connection check; the first order will tell` };
  try {
    const rt = providerRuntime(provider.metadata.id);
    return await provider.adapter.healthCheck({
      baseUrl: rt.baseUrl,
      app: rt.app,
      credentials,
      connection: { id: "unsaved", externalLocationId: locationId, externalMerchantId: null, config: {} },
      timeoutMs,
      platformConfig: await platformConfigOf(db, provider.metadata.id),
    });
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail: (e as Error).message };
  }
}
