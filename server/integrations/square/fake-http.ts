/**
 * The fake's HTTP vocabulary: a handler returns a FakeResponse, and Square-shaped errors are
 * `{"errors":[{category, code, detail, field?}]}` with the status of the first error
 * [docs/build-basics/general-considerations/handling-errors].
 */
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { FakeSquareState } from "./fake-types";

export type FakeResponse = {
  status: number;
  json?: unknown;
  html?: string;
  redirect?: string;
  headers?: Record<string, string>;
};

export type FakeRequest = {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The JSON body, `undefined` when absent or not JSON. */
  json: unknown;
};

export type FakeContext = {
  state: FakeSquareState;
  req: FakeRequest;
  params: string[];
  /** Set on /v2 calls once the bearer token checked out. */
  auth?: { merchantId: string; scopes: string[] };
  /** Queue a webhook to every subscription (Square fires order.* events on API changes too). */
  notify: (type: string, data: { type: string; id: string; object: Record<string, unknown> }) => void;
};

export type FakeHandler = (ctx: FakeContext) => FakeResponse | Promise<FakeResponse>;

export type ErrorCategory =
  | "API_ERROR"
  | "AUTHENTICATION_ERROR"
  | "INVALID_REQUEST_ERROR"
  | "RATE_LIMIT_ERROR"
  | "PAYMENT_METHOD_ERROR";

export function squareError(status: number, category: ErrorCategory, code: string, detail: string, field?: string): FakeResponse {
  return { status, json: { errors: [{ category, code, detail, ...(field ? { field } : {}) }] } };
}

export const badRequest = (code: string, detail: string, field?: string) =>
  squareError(400, "INVALID_REQUEST_ERROR", code, detail, field);

export const notFound = (detail: string, field?: string) => squareError(404, "INVALID_REQUEST_ERROR", "NOT_FOUND", detail, field);

export function ok(json: unknown): FakeResponse {
  return { status: 200, json };
}

/** Square-looking ids: uppercase alphanumerics. */
export function newId(prefix = "", length = 24): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const bytes = randomBytes(length);
  let out = prefix;
  for (let i = 0; out.length < length; i++) out += alphabet[(bytes[i % length] ?? 0) % alphabet.length];
  return out;
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Square's idempotency [docs/build-basics/common-api-patterns/idempotency]: same key + same body
 * → the original response and nothing new; same key + different body → an error.
 */
export function idempotent(ctx: FakeContext, endpoint: string, key: string, run: () => FakeResponse): FakeResponse {
  const storeKey = `${ctx.auth?.merchantId ?? "-"}:${endpoint}:${key}`;
  const fingerprint = JSON.stringify(ctx.req.json);
  const seen = ctx.state.idempotency.get(storeKey);
  if (seen) {
    if (seen.fingerprint === fingerprint) return { status: seen.status, json: seen.body };
    return badRequest(ctx.state.quirks.idempotencyKeyReusedCode, "The idempotency key can only be retried with the same request data.", "idempotency_key");
  }
  const res = run();
  // Only successes are remembered (a rejected request may be fixed and retried with its key), as
  // a snapshot: the replay is the original response even after the object changed.
  if (res.status < 400) ctx.state.idempotency.set(storeKey, { fingerprint, status: res.status, body: structuredClone(res.json) });
  return res;
}

export { readBody } from "../fake-kit/http";

export function write(res: ServerResponse, r: FakeResponse): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...r.headers };
  if (r.redirect) headers.location = r.redirect;
  const body = r.html ?? (r.json === undefined ? "" : JSON.stringify(r.json));
  headers["content-type"] = r.html !== undefined ? "text/html; charset=utf-8" : "application/json";
  res.writeHead(r.status, headers);
  res.end(body);
}
