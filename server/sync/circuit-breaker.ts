/**
 * Per-connection circuit breaker (seed 000): after 3 consecutive POS failures stop calling the
 * POS for 5 minutes, then let one probe through (half-open). Orders keep queueing meanwhile.
 */
export const CIRCUIT = { failureThreshold: 3, openMs: 5 * 60_000 } as const;

type Breaker = {
  circuitState: "closed" | "open" | "half_open";
  circuitOpenedAt: Date | null;
  consecutiveFailures: number;
};

export type Gate = { allowed: true; probe: boolean } | { allowed: false; retryAt: Date };

export function gate(b: Breaker, now: Date): Gate {
  if (b.circuitState === "closed") return { allowed: true, probe: false };
  const reopensAt = new Date((b.circuitOpenedAt ?? now).getTime() + CIRCUIT.openMs);
  if (b.circuitState === "open" && now >= reopensAt) return { allowed: true, probe: true };
  // Open, or half-open with a probe already in flight: wait for the window to pass.
  return { allowed: false, retryAt: b.circuitState === "open" ? reopensAt : new Date(now.getTime() + 30_000) };
}

export function afterSuccess(): Breaker {
  return { circuitState: "closed", circuitOpenedAt: null, consecutiveFailures: 0 };
}

export function afterFailure(b: Breaker, now: Date): Breaker {
  const failures = b.consecutiveFailures + 1;
  if (b.circuitState === "half_open" || failures >= CIRCUIT.failureThreshold) {
    return { circuitState: "open", circuitOpenedAt: now, consecutiveFailures: failures };
  }
  return { circuitState: b.circuitState, circuitOpenedAt: b.circuitOpenedAt, consecutiveFailures: failures };
}
