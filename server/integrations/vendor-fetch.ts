import { AppError } from "~/server/errors";

export type VendorReply<T> = { res: Response; json: T | undefined };

/**
 * One HTTP call to a vendor with our timeout. What can go wrong before there is an HTTP answer
 * is the same for every vendor, so it is classified here: a timeout or network error is
 * PROVIDER_UNAVAILABLE (retried — a timeout is ambiguous, the vendor may have acted, which is
 * why every push carries an idempotent id). A non-JSON or non-object body comes back as
 * `json: undefined`; what an HTTP status means is the vendor's error map's job.
 */
export async function fetchVendor<T extends object>(
  vendor: string,
  op: string,
  url: URL | string,
  init: RequestInit & { timeoutMs: number },
): Promise<VendorReply<T>> {
  const { timeoutMs, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    // Never the URL: some vendors (TouchBistro) carry tokens in the query string.
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw new AppError("PROVIDER_UNAVAILABLE", timedOut ? `${vendor} ${op} timed out after ${timeoutMs} ms` : `${vendor} ${op} failed: network error: ${reason}`, {
      cause: err,
      details: { httpStatus: null, vendorCode: timedOut ? "TIMEOUT" : "NETWORK_ERROR" },
    });
  }
  let text = "";
  try {
    text = await res.text();
  } catch (err) {
    throw new AppError("PROVIDER_UNAVAILABLE", `${vendor} ${op} failed while reading the response`, { cause: err, details: { httpStatus: res.status, vendorCode: "NETWORK_ERROR" } });
  }
  try {
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return { res, json: typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as T) : undefined };
  } catch {
    return { res, json: undefined };
  }
}
