/**
 * The effective PetPooja configuration for one adapter call, merged per seed 002
 * "Configuration Merging" (../provider-config.ts): provider defaults < platform credentials
 * (ctx.app, from env / provider_settings / the sandbox) < restaurant overrides (connection
 * config, then the connection's own credentials, seed 002 "restaurant-specific api_key") < core
 * fields (restID = the connection's location).
 */
import { AppError } from "~/server/errors";
import { mergeProviderConfig, type ConfigLayer } from "../provider-config";
import type { AdapterContext, AppCredentials, Credentials } from "../types";
import { petpoojaConfigSchema, petpoojaGlobalConfigSchema, petpoojaResolvedConfigSchema, type PetpoojaSettings } from "./provider";

/** Keys of `AppCredentials.extra` / `Credentials.extra` the adapter reads. */
export const PETPOOJA_EXTRA_KEYS = { accessToken: "access_token", appKey: "app_key", appSecret: "app_secret", saveOrderUrl: "save_order_url" } as const;

/** Platform credentials: app_key = clientId, app_secret = clientSecret, access_token in extra. */
export function platformLayer(app: AppCredentials): ConfigLayer {
  const extra = app.extra ?? {};
  return {
    app_key: app.clientId ?? extra[PETPOOJA_EXTRA_KEYS.appKey],
    app_secret: app.clientSecret ?? extra[PETPOOJA_EXTRA_KEYS.appSecret],
    access_token: extra[PETPOOJA_EXTRA_KEYS.accessToken],
    ...(extra[PETPOOJA_EXTRA_KEYS.saveOrderUrl] ? { endpoints: { save_order: extra[PETPOOJA_EXTRA_KEYS.saveOrderUrl] } } : {}),
  };
}

/** A connection's own credentials (optional): override the platform's for that restaurant. */
export function connectionCredentialLayer(c: Credentials): ConfigLayer {
  const extra = c.extra ?? {};
  return {
    app_key: extra[PETPOOJA_EXTRA_KEYS.appKey] ?? c.apiKey,
    app_secret: extra[PETPOOJA_EXTRA_KEYS.appSecret],
    access_token: extra[PETPOOJA_EXTRA_KEYS.accessToken] ?? c.accessToken,
  };
}

/**
 * @param global provider_settings.globalConfig, when the caller loaded it
 *   (`loadProviderLayers`); the engine's AdapterContext does not carry it yet.
 */
export function petpoojaSettingsOf(ctx: Pick<AdapterContext, "app" | "credentials" | "connection">, global?: ConfigLayer): PetpoojaSettings {
  const restaurant = petpoojaConfigSchema.safeParse(ctx.connection.config ?? {});
  if (!restaurant.success) {
    throw new AppError("BAD_REQUEST", `Invalid PetPooja connection config: ${restaurant.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`, {
      details: { issues: restaurant.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  const globalParsed = global ? petpoojaGlobalConfigSchema.safeParse(global) : undefined;
  if (globalParsed && !globalParsed.success) {
    throw new AppError("BAD_REQUEST", `Invalid PetPooja provider settings: ${globalParsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return mergeProviderConfig("PetPooja", petpoojaResolvedConfigSchema, {
    global: globalParsed?.data,
    platformCredentials: platformLayer(ctx.app),
    restaurant: { ...restaurant.data, ...stripUndefined(connectionCredentialLayer(ctx.credentials)) },
    core: ctx.connection.externalLocationId ? { restID: ctx.connection.externalLocationId } : undefined,
  });
}

function stripUndefined(o: ConfigLayer): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
}
