import { providerRuntime } from "../runtime";
import type { IngressProfile } from "../types";

/** Square: the subscription's signature key and the notification URL exactly as registered [reference §1.4]. */
export const squareIngress: IngressProfile = {
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
