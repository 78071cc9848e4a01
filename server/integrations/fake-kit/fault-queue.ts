/**
 * Fault injection shared by every provider fake. A status fault answers instead of the vendor
 * (the request is NOT processed); a delay fault processes the request and answers late — the
 * "timed out after the POS acted" case idempotency keys exist for. What a fault's error body
 * looks like is the vendor's, so each fake renders its own.
 *
 * Targets: "POST /v2/orders" (method + path), "/v2/orders" (any method), a trailing "*" for a
 * prefix ("GET /v2/orders/*"), or "*" for everything.
 */
export type FaultControl = {
  /** How many matching requests it hits; default 1. `Infinity` models a dead POS. */
  times?: number;
  /** Let this many matching requests through first (e.g. fail page 2 of a listing). */
  skip?: number;
};

type Queued<F> = { target: string; fault: F; remaining: number; skip: number };

export class FaultQueue<F extends FaultControl> {
  private queue: Queued<F>[] = [];

  next(target: string, fault: F): void {
    this.queue.push({ target, fault, remaining: fault.times ?? 1, skip: fault.skip ?? 0 });
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): number {
    return this.queue.length;
  }

  /** The first queued fault matching this request, consumed once. */
  take(method: string, path: string): F | undefined {
    const index = this.queue.findIndex((q) => {
      if (!matchesTarget(q.target, method, path)) return false;
      if (q.skip <= 0) return true;
      q.skip -= 1;
      return false;
    });
    const hit = this.queue[index];
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.queue.splice(index, 1);
    return hit.fault;
  }
}

export function matchesTarget(target: string, method: string, path: string): boolean {
  if (target === "*") return true;
  const [first, second] = target.split(" ");
  const wantMethod = second === undefined ? undefined : first?.toUpperCase();
  const wantPath = second ?? first ?? "";
  if (wantMethod && wantMethod !== method.toUpperCase()) return false;
  return wantPath.endsWith("*") ? path.startsWith(wantPath.slice(0, -1)) : path === wantPath;
}

/** Default [code, message] of an injected status fault; each fake wraps them in its vendor's body. */
export function defaultFaultText(status: number): [code: string, message: string] {
  const defaults: Record<number, [string, string]> = {
    400: ["BAD_REQUEST", "Injected fault: bad request."],
    401: ["UNAUTHORIZED", "Invalid credentials."],
    403: ["FORBIDDEN", "Forbidden."],
    404: ["NOT_FOUND", "Not found."],
    409: ["CONFLICT", "Conflict."],
    422: ["VALIDATION_ERROR", "Injected fault: validation failed."],
    429: ["TOO_MANY_REQUESTS", "Too many requests."],
    500: ["INTERNAL_ERROR", "Injected fault: internal server error."],
    502: ["BAD_GATEWAY", "Bad gateway."],
    503: ["SERVICE_UNAVAILABLE", "Service unavailable."],
  };
  return defaults[status] ?? ["ERROR", "Error."];
}

export const retryAfterHeaders = (fault: { retryAfterSeconds?: number }) =>
  fault.retryAfterSeconds !== undefined ? { headers: { "Retry-After": String(fault.retryAfterSeconds) } } : {};

/**
 * The fault part of a fake's test-only control plane, the same for every fake:
 *   POST   /__fake/faults  {"target":"POST /save_order","fault":{"status":503},"sticky":true}
 *   DELETE /__fake/faults
 * Null when the request is not one of these.
 */
export function faultControl<F extends FaultControl>(
  faults: FaultQueue<F>,
  method: string,
  path: string,
  json: Record<string, unknown> | undefined,
): { status: number; json: unknown } | null {
  if (path !== "/__fake/faults") return null;
  if (method === "DELETE") {
    faults.clear();
    return { status: 200, json: { pending: 0 } };
  }
  if (method !== "POST") return null;
  const target = json?.target;
  const fault = json?.fault;
  if (typeof target !== "string" || typeof fault !== "object" || fault === null || Array.isArray(fault)) {
    return { status: 400, json: { error: "target and fault are required" } };
  }
  faults.next(target, { ...(fault as F), ...(json?.sticky ? { times: Infinity } : {}) });
  return { status: 200, json: { pending: faults.pending } };
}
