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
    app: {
      clientId: env.SQUARE_APPLICATION_ID,
      clientSecret: env.SQUARE_APPLICATION_SECRET,
      // The webhook subscription's signature key and its exact notification URL [reference §1.4].
      extra: {
        ...(env.SQUARE_WEBHOOK_SIGNATURE_KEY ? { webhookSignatureKey: env.SQUARE_WEBHOOK_SIGNATURE_KEY } : {}),
        ...(env.SQUARE_WEBHOOK_URL ? { webhookUrl: env.SQUARE_WEBHOOK_URL } : {}),
      },
    },
  };
}
