/**
 * How a connection's health is derived from its scheduled checks (seed 000
 * monitorRestaurantPOSHealth, made less jumpy than the seed's ONLINE/OFFLINE on one call):
 *
 * | check | circuit breaker | previous failed checks in a row | health |
 * | --- | --- | --- | --- |
 * | ok, latency < SLOW_MS | closed | — | online |
 * | ok, latency ≥ SLOW_MS, or breaker open / half-open | — | — | degraded (reachable, but orders may wait) |
 * | failed | open | — | offline (the sync path already saw 3 failures in a row) |
 * | failed | closed / half-open | fewer than OFFLINE_AFTER − 1 | degraded (one blip is not an outage) |
 * | failed | closed / half-open | OFFLINE_AFTER − 1 or more | offline |
 *
 * Alerts go out on transitions only (see health-alerts.ts): into offline, and back to online
 * from offline. Degraded is shown everywhere but not alerted, so a flapping POS cannot flood
 * anyone's inbox.
 */
export const HEALTH_POLICY = {
  /** A check slower than this counts as degraded. */
  slowMs: 2_000,
  /** This many failed checks in a row (at 5-minute checks: ~15 minutes) make a connection offline. */
  offlineAfter: 3,
  /** Uptime window shown by default. */
  uptimeWindowMs: 24 * 60 * 60_000,
} as const;

export type Health = "online" | "degraded" | "offline";
export type CircuitState = "closed" | "open" | "half_open";

export function deriveHealth(
  check: { ok: boolean; latencyMs: number },
  circuit: CircuitState,
  previousFailuresInARow: number,
  policy: { slowMs: number; offlineAfter: number } = HEALTH_POLICY,
): Health {
  if (check.ok) return check.latencyMs >= policy.slowMs || circuit !== "closed" ? "degraded" : "online";
  if (circuit === "open") return "offline";
  return previousFailuresInARow + 1 >= policy.offlineAfter ? "offline" : "degraded";
}

/**
 * Uptime over a window: the share of checks that found the POS up, an online check counting 1
 * and a degraded one ½ (it answered, but slowly or with its breaker open, so orders may have
 * waited). No checks in the window → null ("no data"), never a made-up 100 %.
 */
export function uptimeOf(counts: { online: number; degraded: number; offline: number }): number | null {
  const total = counts.online + counts.degraded + counts.offline;
  if (!total) return null;
  return (counts.online + counts.degraded / 2) / total;
}
