/**
 * How each provider's webhooks are authenticated and routed, beside its WebhookCapability
 * (which only verifies and parses). A provider without an entry gets the default: per-restaurant
 * secrets from webhook_secrets, signed over the request URL, no signed timestamp. Adding a
 * provider with its own scheme is one entry here.
 */
import { providerRuntime } from "~/server/integrations/runtime";

export type IngressProfile = {
  /**
   * "app": one key for the whole app, e.g. Square's subscription signature key; events are
   * routed to a connection by merchant id. "connection": per-restaurant secrets (seed 002).
   */
  signing: "app" | "connection";
  appSecrets?: () => string[];
  /** The URL the vendor signed; defaults to the request URL. */
  notificationUrl?: (requestUrl: string) => string;
  /** The delivery's signed timestamp, where the scheme has one; older than maxAgeMs is stale. */
  signedTimestamp?: (rawBody: string, headers: Headers) => Date | null;
  maxAgeMs?: number;
};

const DEFAULT_PROFILE: IngressProfile = { signing: "connection" };

/** Square: the subscription's signature key and the notification URL exactly as registered [reference §1.4]. */
const square: IngressProfile = {
  signing: "app",
  appSecrets: () => {
    const key = providerRuntime("square").app.extra?.webhookSignatureKey;
    return key ? [key] : [];
  },
  notificationUrl: (requestUrl) => {
    const configured = providerRuntime("square").app.extra?.webhookUrl;
    // Behind a proxy the request URL is not what Square signed: use the registered URL. A
    // per-restaurant path is not the subscription's URL, so it is verified as received.
    if (configured && new URL(configured).pathname === new URL(requestUrl).pathname) return configured;
    return requestUrl;
  },
  // The signed body's created_at. Square retries for up to 72 h [reference §1.3], so only an
  // event older than that can be a replay rather than a late retry; dedupe catches the rest.
  signedTimestamp: (rawBody) => {
    try {
      const at = (JSON.parse(rawBody) as { created_at?: unknown }).created_at;
      return typeof at === "string" && !Number.isNaN(Date.parse(at)) ? new Date(at) : null;
    } catch {
      return null;
    }
  },
  maxAgeMs: 73 * 3_600_000,
};

const PROFILES: Record<string, IngressProfile> = { square };

export function ingressProfile(providerId: string): IngressProfile {
  return PROFILES[providerId] ?? DEFAULT_PROFILE;
}
