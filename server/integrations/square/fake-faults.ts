/**
 * Fault injection for the Square fake, per test. A status fault answers instead of Square (the
 * request is NOT processed); a delay fault processes the request and answers late, the
 * "timeout after the POS created the order" case that idempotency keys exist for.
 */
import { FaultQueue as SharedFaultQueue, type FaultControl } from "../fake-kit/fault-queue";
import { squareError, type FakeResponse } from "./fake-http";

export type FakeFault = (
  | { status: 400 | 401 | 403 | 404 | 429 | 500 | 503; retryAfterSeconds?: number; code?: string; detail?: string }
  | { delayMs: number }
) & FaultControl;

/**
 * Targets: "POST /v2/orders" (method + path), "/v2/orders" (any method), a trailing "*" for a
 * prefix ("GET /v2/orders/*"), or "*" for everything.
 */
export type FaultTarget = string;

/** Square's fault queue: the shared one, typed with Square's faults. */
export class FaultQueue extends SharedFaultQueue<FakeFault> {}

const STATUS_ERRORS = {
  400: ["INVALID_REQUEST_ERROR", "BAD_REQUEST", "Injected fault: bad request."],
  401: ["AUTHENTICATION_ERROR", "UNAUTHORIZED", "This request could not be authorized."],
  403: ["AUTHENTICATION_ERROR", "INSUFFICIENT_SCOPES", "Injected fault: insufficient scopes."],
  404: ["INVALID_REQUEST_ERROR", "NOT_FOUND", "Injected fault: not found."],
  // 429 RATE_LIMITED / RATE_LIMIT_ERROR [reference §1.7]; Retry-After only when the test asks,
  // because Square does not document sending it (UNCONFIRMED).
  429: ["RATE_LIMIT_ERROR", "RATE_LIMITED", "Too many requests."],
  500: ["API_ERROR", "INTERNAL_SERVER_ERROR", "Injected fault: internal server error."],
  503: ["API_ERROR", "SERVICE_UNAVAILABLE", "Injected fault: service unavailable."],
} as const;

export function faultResponse(fault: Extract<FakeFault, { status: number }>): FakeResponse {
  const [category, code, detail] = STATUS_ERRORS[fault.status];
  const res = squareError(fault.status, category, fault.code ?? code, fault.detail ?? detail);
  if (fault.retryAfterSeconds !== undefined) res.headers = { "Retry-After": String(fault.retryAfterSeconds) };
  return res;
}
