import { env } from "~/env";

export type PollSettings = {
  /** Orders claimed per provider per run. */
  batchSize: number;
  /** Requests/second per provider when no override applies. */
  defaultRequestsPerSecond: number;
  /** Provider id → requests/second. */
  requestsPerSecond: Record<string, number>;
  /** An order is polled again at most this often. */
  intervalMs: number;
  /** A run spends at most this long per provider: its budget is rate × this many calls. */
  maxRunMs: number;
  /** Per-request timeout. */
  requestTimeoutMs: number;
};

/** "touchbistro=2, other=0.5" → { touchbistro: 2, other: 0.5 }; bad entries are ignored. */
export function parseRateLimits(raw: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (raw ?? "").split(",")) {
    const [k, v] = part.split("=").map((x) => x.trim());
    const n = Number(v);
    if (k && Number.isFinite(n) && n > 0) out[k] = n;
  }
  return out;
}

export function pollSettings(over: Partial<PollSettings> = {}): PollSettings {
  return {
    batchSize: env.POS_POLL_BATCH_SIZE,
    defaultRequestsPerSecond: env.POS_POLL_REQUESTS_PER_SECOND,
    requestsPerSecond: parseRateLimits(env.POS_POLL_RATE_LIMITS),
    intervalMs: env.POS_POLL_INTERVAL_SECONDS * 1000,
    maxRunMs: env.POS_POLL_MAX_RUN_SECONDS * 1000,
    requestTimeoutMs: env.POS_REQUEST_TIMEOUT_MS,
    ...over,
  };
}

export const rateFor = (s: PollSettings, provider: string) => s.requestsPerSecond[provider] ?? s.defaultRequestsPerSecond;

/** How many polls one run may make for a provider: never more than its rate allows in the run's budget, nor the batch size. */
export function pollBudget(s: PollSettings, provider: string): number {
  return Math.max(1, Math.min(s.batchSize, Math.floor((rateFor(s, provider) * s.maxRunMs) / 1000)));
}
