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
    if (configured && pathnameOf(configured) === new URL(requestUrl).pathname) return configured;
    return requestUrl;
  },
  // The signed body's created_at (the events' occurredAt; a body without one is dated on
  // arrival, so it is never stale). Square retries for up to 72 h [reference §1.3], so only an
  // event older than that can be a replay rather than a late retry; dedupe catches the rest.
  signedTimestamp: ({ events }) => {
    const at = events.find((e) => e.occurredAt)?.occurredAt;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  },
  maxAgeMs: 73 * 3_600_000,
};

/** The configured URL changes only with the environment: parse it once per value, not per call. */
let parsedConfigured: { url: string; pathname: string } | null = null;
function pathnameOf(configured: string): string {
  if (parsedConfigured?.url !== configured) parsedConfigured = { url: configured, pathname: new URL(configured).pathname };
  return parsedConfigured.pathname;
}
