import { type AppError, isAppError, jobBehaviourOf } from "~/server/errors";

export type FailureClass = "auth" | "validation" | "rate_limited" | "unavailable" | "internal" | "mapping_failed";

export type Classified = {
  /** What happens to the job: try again later, stop for good, or wait for the seller to reconnect. */
  next: "retry" | "failed" | "needs_reauth";
  errorClass: FailureClass;
  message: string;
  httpStatus?: number;
  retryAfterMs?: number;
};

/** Classify an attempt's error once, through the error table in server/errors.ts. */
export function classifyError(error: unknown): Classified {
  const message = error instanceof Error ? error.message : String(error);
  const httpStatus = isAppError(error) ? (error.details?.httpStatus as number | undefined) : undefined;
  if (isAppError(error) && error.code === "PROVIDER_AUTH") {
    return { next: "needs_reauth", errorClass: "auth", message, httpStatus };
  }
  if (isAppError(error) && error.code === "MAPPING_FAILED") return { next: "failed", errorClass: "mapping_failed", message };
  const behaviour = jobBehaviourOf(error);
  if (behaviour === "no_retry") {
    return { next: "failed", errorClass: "validation", message, httpStatus };
  }
  if (behaviour === "retry_after") {
    const retryAfterMs = (error as AppError).retryAfterMs;
    return { next: "retry", errorClass: "rate_limited", message, httpStatus, retryAfterMs };
  }
  const known = isAppError(error) && error.code === "PROVIDER_UNAVAILABLE";
  return { next: "retry", errorClass: known ? "unavailable" : "internal", message, httpStatus };
}

/**
 * When to try again. Transient failures follow the fixed seed-001 schedule; a 429 waits at
 * least what the POS asked for, backing off exponentially (with jitter) past that.
 */
export function retryDelayMs(c: Classified, retryCount: number, intervalMs: number, random = Math.random): number {
  if (c.errorClass !== "rate_limited") return intervalMs;
  const backoff = Math.min(intervalMs, 1000 * 2 ** Math.min(retryCount, 16));
  const jitter = Math.round(backoff * 0.2 * random());
  return Math.max(c.retryAfterMs ?? 0, backoff + jitter);
}
