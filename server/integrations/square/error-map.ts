/**
 * Every failure of a Square call becomes one AppError, classified once (DESIGN "Order sync"
 * step 3). Square errors are `{"errors":[{category, code, detail?, field?}]}` with the HTTP status
 * of the first error [docs/build-basics/general-considerations/handling-errors]; the SDK surfaces
 * them as `SquareError` (statusCode, errors[]) and timeouts as `SquareTimeoutError`.
 */
import { retryAfterMs } from "../retry-after";
import { SquareError, SquareTimeoutError } from "square";
import { AppError, isAppError, type AppErrorCode } from "~/server/errors";

export type SquareOperation = string;

export function toAppError(err: unknown, op: SquareOperation, opts: { authOnReject?: boolean } = {}): AppError {
  if (isAppError(err)) return err;
  // A timeout is an ambiguous outcome (Square may have acted): retried with the same idempotency key.
  // square@46 aborts with the string reason "timeout"; native fetch rejects with that reason
  // itself (not an AbortError), so the SDK reports it as a status-less SquareError.
  if (err instanceof SquareTimeoutError || (err instanceof SquareError && err.statusCode === undefined && err.cause === "timeout")) {
    return new AppError("PROVIDER_UNAVAILABLE", `Square ${op} timed out`, {
      cause: err,
      details: { httpStatus: null, vendorCode: "TIMEOUT" },
    });
  }
  if (err instanceof SquareError && err.statusCode !== undefined) {
    const status = err.statusCode;
    const first = err.errors[0];
    const vendorCode = first?.code ?? "Unknown";
    const detail = first?.detail ? `: ${first.detail}` : "";
    const field = first?.field ? ` (${first.field})` : "";
    const message = `Square ${op} failed: HTTP ${status} ${vendorCode}${detail}${field}`;
    const details = { httpStatus: status, vendorCode, category: first?.category };
    if (status === 429) {
      // Square documents 429 RATE_LIMITED but not a Retry-After header (UNCONFIRMED): honour it
      // when sent, otherwise the job schedule's backoff applies [reference §1.7].
      return new AppError("RATE_LIMITED", message, {
        cause: err,
        retryAfterMs: retryAfterMs(err.rawResponse?.headers.get("retry-after") ?? null),
        details,
      });
    }
    return new AppError(codeForStatus(status, opts.authOnReject ?? false), message, { cause: err, details });
  }
  // The SDK validates requests before sending (`jsonOrThrow`): retrying sends the same bad body.
  if (err instanceof Error && err.name === "JsonError") {
    return new AppError("PROVIDER_REJECTED", `Square ${op} request invalid: ${err.message}`, {
      cause: err,
      details: { httpStatus: null, vendorCode: "INVALID_REQUEST_SHAPE" },
    });
  }
  // No status: DNS, connection refused/reset, TLS. Transient by nature.
  const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
  return new AppError("PROVIDER_UNAVAILABLE", `Square ${op} failed: network error: ${reason}`, {
    cause: err,
    details: { httpStatus: null, vendorCode: "NETWORK_ERROR" },
  });
}

function codeForStatus(status: number, authOnReject: boolean): AppErrorCode {
  // 401 UNAUTHORIZED / ACCESS_TOKEN_EXPIRED / ACCESS_TOKEN_REVOKED and 403 INSUFFICIENT_SCOPES all
  // need the seller to reconnect [SDK ErrorCode.ts].
  if (status === 401 || status === 403) return "PROVIDER_AUTH";
  if (status === 408 || status >= 500) return "PROVIDER_UNAVAILABLE";
  // The token endpoint rejecting a code or refresh token also means "connect again".
  return authOnReject ? "PROVIDER_AUTH" : "PROVIDER_REJECTED";
}

export { retryAfterMs } from "../retry-after";

/** Runs one SDK call and converts whatever it throws. */
export async function callSquare<T>(op: SquareOperation, fn: () => Promise<T>, opts?: { authOnReject?: boolean }): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err, op, opts);
  }
}
