/**
 * The effective TouchBistro configuration for one adapter call, merged per seed 002
 * "Configuration Merging" (../provider-config.ts): provider defaults < platform credentials
 * (ctx.app: partner id + API key, seed 000 "platform-level credentials") < restaurant overrides
 * (connection config, then the connection's own credentials: the location token the restaurant
 * granted, seed 000 "restaurant-specific access tokens") < core fields (location_id = the
 * connection's location).
 */
import { AppError } from "~/server/errors";
import { mergeProviderConfig, type ConfigLayer } from "../provider-config";
import type { AdapterContext, AppCredentials, Credentials } from "../types";
import { touchbistroConfigSchema, touchbistroGlobalConfigSchema, touchbistroResolvedConfigSchema, type TouchbistroSettings } from "./provider";

/** Keys of `AppCredentials.extra` / `Credentials.extra` the adapter reads. */
export const TOUCHBISTRO_EXTRA_KEYS = { partnerId: "partner_id", apiKey: "api_key", locationToken: "location_token" } as const;

/** Platform credentials: partner_id = clientId, api_key = clientSecret (or both in extra). */
export function platformLayer(app: AppCredentials): ConfigLayer {
  const extra = app.extra ?? {};
  return {
    partner_id: app.clientId ?? extra[TOUCHBISTRO_EXTRA_KEYS.partnerId],
    api_key: app.clientSecret ?? extra[TOUCHBISTRO_EXTRA_KEYS.apiKey],
  };
}

/** The restaurant's grant: its location token (accessToken, apiKey or extra.location_token). */
export function connectionCredentialLayer(c: Credentials): ConfigLayer {
  const extra = c.extra ?? {};
  return { location_token: extra[TOUCHBISTRO_EXTRA_KEYS.locationToken] ?? c.accessToken ?? c.apiKey };
}

function issues(e: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return e.issues.map((i) => `${i.path.map(String).join(".")} ${i.message}`).join("; ");
}

export function touchbistroSettingsOf(ctx: Pick<AdapterContext, "app" | "credentials" | "connection">, global?: ConfigLayer): TouchbistroSettings {
  const restaurant = touchbistroConfigSchema.safeParse(ctx.connection.config ?? {});
  if (!restaurant.success) throw new AppError("BAD_REQUEST", `Invalid TouchBistro connection config: ${issues(restaurant.error)}`);
  const globalParsed = global ? touchbistroGlobalConfigSchema.safeParse(global) : undefined;
  if (globalParsed && !globalParsed.success) throw new AppError("BAD_REQUEST", `Invalid TouchBistro provider settings: ${issues(globalParsed.error)}`);
  return mergeProviderConfig("TouchBistro", touchbistroResolvedConfigSchema, {
    global: globalParsed?.data,
    platformCredentials: platformLayer(ctx.app),
    restaurant: { ...restaurant.data, ...stripUndefined(connectionCredentialLayer(ctx.credentials)) },
    core: ctx.connection.externalLocationId ? { location_id: ctx.connection.externalLocationId } : undefined,
  });
}

function stripUndefined(o: ConfigLayer): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
}
