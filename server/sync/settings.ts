import { env } from "~/env";

/** Seed 001: retry every 5 minutes for an hour (12 retries); both configurable. */
export type SyncSettings = {
  retryIntervalMs: number;
  maxRetries: number;
  requestTimeoutMs: number;
  /** A job still "syncing" after this long was abandoned by a crashed worker. */
  stuckAfterMs: number;
  /** Seller is told after this many consecutive failed attempts of one order. */
  notifyAfterFailures: number;
};

export function syncSettings(overrides: Partial<SyncSettings> = {}): SyncSettings {
  const requestTimeoutMs = overrides.requestTimeoutMs ?? env.POS_REQUEST_TIMEOUT_MS;
  return {
    retryIntervalMs: env.POS_SYNC_RETRY_INTERVAL_SECONDS * 1000,
    maxRetries: env.POS_SYNC_MAX_RETRIES,
    requestTimeoutMs,
    stuckAfterMs: Math.max(60_000, requestTimeoutMs * 4),
    notifyAfterFailures: 3,
    ...overrides,
  };
}
