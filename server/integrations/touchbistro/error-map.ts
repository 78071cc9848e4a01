/**
 * Every TouchBistro call goes through `callTouchbistro`: fetch with our timeout, the configured
 * auth placement (token in the query string like the cloud API [ref §3], or a header), JSON in
 * and out, and every failure becomes one AppError, classified once (like ../petpooja/error-map.ts):
 *   HTTP 401/403                                         → PROVIDER_AUTH (seller reconnects)
 *   HTTP 429                                             → RATE_LIMITED (+ Retry-After)
 *   HTTP 408/5xx, network error, timeout, non-JSON 2xx   → PROVIDER_UNAVAILABLE (retried)
 *   other 4xx                                            → PROVIDER_REJECTED (details.body kept for 409)
 * The token travels in the URL, so URLs are never put in messages or logs.
 */
import { retryAfterMs } from "../retry-after";
import { fetchVendor } from "../vendor-fetch";
import { AppError, type AppErrorCode } from "~/server/errors";
import type { TouchbistroSettings } from "./provider";

export type TouchbistroResponse = Record<string, unknown>;

export { retryAfterMs } from "../retry-after";

type AuthSettings = Pick<
  TouchbistroSettings,
  "location_id" | "location_token" | "partner_id" | "token_placement" | "token_param" | "token_header" | "token_header_scheme" | "partner_id_placement" | "partner_id_param" | "partner_id_header"
>;

/** `endpoint` is a path template on the base URL or a full URL; `{location_id}`/`{order_id}` are URL-encoded in. */
export function endpointUrl(baseUrl: string, endpoint: string, vars: Record<string, string>): URL {
  const filled = endpoint.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    if (v === undefined) throw new AppError("BAD_REQUEST", `TouchBistro endpoint ${endpoint} needs {${k}}`);
    return encodeURIComponent(v);
  });
  if (/^https?:\/\//i.test(filled)) return new URL(filled);
  return new URL(`${baseUrl.replace(/\/+$/, "")}${filled.startsWith("/") ? filled : `/${filled}`}`);
}

/** Adds the location token and partner id where the settings say they go. */
export function authorize(url: URL, s: AuthSettings): Record<string, string> {
  const headers: Record<string, string> = {};
  if (s.token_placement === "query") url.searchParams.set(s.token_param, s.location_token);
  else headers[s.token_header] = s.token_header_scheme ? `${s.token_header_scheme} ${s.location_token}` : s.location_token;
  if (s.partner_id_placement === "query") url.searchParams.set(s.partner_id_param, s.partner_id);
  else if (s.partner_id_placement === "header") headers[s.partner_id_header] = s.partner_id;
  return headers;
}

function vendorError(json: TouchbistroResponse | undefined): { code?: string; message?: string } {
  const err = json?.error;
  if (typeof err === "object" && err !== null) {
    const e = err as Record<string, unknown>;
    return { code: typeof e.code === "string" ? e.code : undefined, message: typeof e.message === "string" ? e.message : undefined };
  }
  return { code: typeof json?.code === "string" ? json.code : undefined, message: typeof err === "string" ? err : typeof json?.message === "string" ? json.message : undefined };
}

export type CallOptions = {
  op: string;
  method: "GET" | "POST";
  url: URL;
  settings: AuthSettings;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
};

export async function callTouchbistro(o: CallOptions): Promise<TouchbistroResponse> {
  const authHeaders = authorize(o.url, o.settings);
  const { res, json } = await fetchVendor<TouchbistroResponse>("TouchBistro", o.op, o.url, {
    method: o.method,
    headers: { accept: "application/json", ...(o.body !== undefined ? { "content-type": "application/json" } : {}), ...authHeaders, ...o.headers },
    body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
    timeoutMs: o.timeoutMs,
  });
  const v = vendorError(json);
  const describe = (status: number) => `TouchBistro ${o.op} failed: HTTP ${status}${v.code ? ` ${v.code}` : ""}${v.message ? `: ${v.message}` : ""}`;
  const details = { httpStatus: res.status, vendorCode: v.code ?? null, vendorMessage: v.message ?? null };

  if (res.status === 429) throw new AppError("RATE_LIMITED", describe(429), { retryAfterMs: retryAfterMs(res.headers.get("retry-after")), details });
  if (!res.ok) throw new AppError(codeForStatus(res.status), describe(res.status), { details: { ...details, ...(res.status === 409 && json ? { body: json } : {}) } });
  if (!json) throw new AppError("PROVIDER_UNAVAILABLE", `TouchBistro ${o.op} returned a non-JSON body (HTTP ${res.status})`, { details: { ...details, vendorCode: "NON_JSON" } });
  return json;
}

function codeForStatus(status: number): AppErrorCode {
  if (status === 401 || status === 403) return "PROVIDER_AUTH";
  if (status === 408 || status >= 500) return "PROVIDER_UNAVAILABLE";
  return "PROVIDER_REJECTED";
}
