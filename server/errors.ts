import type { TRPCError } from "@trpc/server";

type TRPC_ERROR_CODE_KEY = TRPCError["code"];

/**
 * One table for every app error: how each edge reports it. Domain code throws `AppError`
 * and never knows about HTTP, tRPC or Inngest; the edges call the mappers below.
 *
 * `jobs`: what a background job does on it — retry on the normal schedule, never retry,
 * or retry after the delay the error carries (a vendor's Retry-After).
 */
export const ERROR_TABLE = {
  BAD_REQUEST: { http: 400, trpc: "BAD_REQUEST", jobs: "no_retry" },
  UNAUTHENTICATED: { http: 401, trpc: "UNAUTHORIZED", jobs: "no_retry" },
  FORBIDDEN: { http: 403, trpc: "FORBIDDEN", jobs: "no_retry" },
  NOT_FOUND: { http: 404, trpc: "NOT_FOUND", jobs: "no_retry" },
  CONFLICT: { http: 409, trpc: "CONFLICT", jobs: "no_retry" },
  PRECONDITION_FAILED: { http: 412, trpc: "PRECONDITION_FAILED", jobs: "no_retry" },
  RATE_LIMITED: { http: 429, trpc: "TOO_MANY_REQUESTS", jobs: "retry_after" },
  /** The vendor rejected our credentials: the connection needs the seller to reconnect. */
  PROVIDER_AUTH: { http: 502, trpc: "PRECONDITION_FAILED", jobs: "no_retry" },
  /** The vendor rejected the request itself (400/422): retrying sends the same bad request. */
  PROVIDER_REJECTED: { http: 502, trpc: "BAD_REQUEST", jobs: "no_retry" },
  /** Network error, timeout or vendor 5xx: transient. */
  PROVIDER_UNAVAILABLE: { http: 503, trpc: "SERVICE_UNAVAILABLE", jobs: "retry" },
  /** A mapped dish's POS item was removed or is sold out (menu drift): the order is not pushed. */
  MAPPING_FAILED: { http: 409, trpc: "PRECONDITION_FAILED", jobs: "no_retry" },
  INTERNAL: { http: 500, trpc: "INTERNAL_SERVER_ERROR", jobs: "retry" },
} as const satisfies Record<
  string,
  { http: number; trpc: TRPC_ERROR_CODE_KEY; jobs: "retry" | "no_retry" | "retry_after" }
>;

export type AppErrorCode = keyof typeof ERROR_TABLE;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** For RATE_LIMITED: how long the other side asked us to wait. */
  readonly retryAfterMs?: number;
  /** Safe-to-show field errors or context; never secrets. */
  readonly details?: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    message: string,
    opts: { cause?: unknown; retryAfterMs?: number; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.retryAfterMs = opts.retryAfterMs;
    this.details = opts.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export function httpStatusOf(e: unknown): number {
  return isAppError(e) ? ERROR_TABLE[e.code].http : 500;
}

export function trpcCodeOf(e: AppError): TRPC_ERROR_CODE_KEY {
  return ERROR_TABLE[e.code].trpc;
}

export function jobBehaviourOf(e: unknown): "retry" | "no_retry" | "retry_after" {
  return isAppError(e) ? ERROR_TABLE[e.code].jobs : "retry";
}
