import type { env as Env } from "~/env";
import type { AppCredentials } from "../types";
import { metadata } from "./provider";

/**
 * Square's base URL comes from SQUARE_ENVIRONMENT (production | sandbox), overridable with
 * SQUARE_BASE_URL; the app id/secret are the Developer Console's OAuth credentials.
 * https://developer.squareup.com/docs/oauth-api/overview
 */
export function squareRuntimeFromEnv(env: typeof Env): { baseUrl: string; app: AppCredentials } {
  const fallback = env.SQUARE_ENVIRONMENT === "production" ? metadata.baseUrls.production : metadata.baseUrls.sandbox;
  return {
    baseUrl: env.SQUARE_BASE_URL ?? fallback ?? metadata.baseUrls.production,
    app: { clientId: env.SQUARE_APPLICATION_ID, clientSecret: env.SQUARE_APPLICATION_SECRET },
  };
}
