import type { env as Env } from "~/env";
import type { AppCredentials } from "../types";
import { metadata } from "./provider";

/**
 * TouchBistro's base URL defaults to the cloud API host [ref §3]; the partner order API's host is
 * UNCONFIRMED, so set TOUCHBISTRO_BASE_URL once TouchBistro issues it (CONFIRM.md). The partner id
 * and platform API key are platform-level (seed 000 `platformPartnerId`/`platformApiKey`); each
 * restaurant's location token is stored on its connection.
 */
export function touchbistroRuntimeFromEnv(env: typeof Env): { baseUrl: string; app: AppCredentials } {
  return {
    baseUrl: env.TOUCHBISTRO_BASE_URL ?? metadata.baseUrls.production,
    app: { clientId: env.TOUCHBISTRO_PARTNER_ID, clientSecret: env.TOUCHBISTRO_API_KEY },
  };
}
