import type { env as Env } from "~/env";
import type { AppCredentials } from "../types";
import { metadata, PETPOOJA_SANDBOX_SAVE_ORDER_URL } from "./provider";
import { PETPOOJA_EXTRA_KEYS } from "./settings";

/**
 * PetPooja's base URL comes from PETPOOJA_ENVIRONMENT (sandbox | production), overridable with
 * PETPOOJA_BASE_URL; the production host is UNCONFIRMED [ref §2.1], so set PETPOOJA_BASE_URL in
 * production. In the sandbox save_order lives on another host than the menu and status calls
 * [ref §2.1]; PETPOOJA_SAVE_ORDER_URL overrides it. The partner credentials (app_key,
 * app_secret, access_token) are platform-level [ref §2.1].
 */
export function petpoojaRuntimeFromEnv(env: typeof Env): { baseUrl: string; app: AppCredentials } {
  const production = env.PETPOOJA_ENVIRONMENT === "production";
  const baseUrl = env.PETPOOJA_BASE_URL ?? (production ? metadata.baseUrls.production : (metadata.baseUrls.sandbox ?? metadata.baseUrls.production));
  // The sandbox save_order host only applies when we are really talking to the sandbox.
  const saveOrderUrl = env.PETPOOJA_SAVE_ORDER_URL ?? (!production && !env.PETPOOJA_BASE_URL ? PETPOOJA_SANDBOX_SAVE_ORDER_URL : undefined);
  const extra: Record<string, string> = {};
  if (env.PETPOOJA_ACCESS_TOKEN) extra[PETPOOJA_EXTRA_KEYS.accessToken] = env.PETPOOJA_ACCESS_TOKEN;
  if (saveOrderUrl) extra[PETPOOJA_EXTRA_KEYS.saveOrderUrl] = saveOrderUrl;
  return { baseUrl, app: { clientId: env.PETPOOJA_APP_KEY, clientSecret: env.PETPOOJA_APP_SECRET, extra } };
}
