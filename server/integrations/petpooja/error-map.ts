/**
 * Every PetPooja call goes through `callPetpooja`: fetch with our timeout, JSON in and out, and
 * every failure becomes one AppError, classified once (like ../square/error-map.ts):
 *   HTTP 401/403, or a configured auth errorCode         → PROVIDER_AUTH (seller reconnects)
 *   HTTP 429                                             → RATE_LIMITED (+ Retry-After)
 *   HTTP 408/5xx, network error, timeout, non-JSON 2xx   → PROVIDER_UNAVAILABLE (retried)
 *   other 4xx, or `success:"0"` (often with HTTP 200)    → PROVIDER_REJECTED
 * [ref §2.2] failures come back as `{"success":"0","message":…,"errorCode":…,"validation_errors":{…}}`.
 */
import { retryAfterMs } from "../retry-after";
import { fetchVendor } from "../vendor-fetch";
import { AppError, type AppErrorCode } from "~/server/errors";
import type { PetpoojaSettings } from "./provider";

export type PetpoojaResponse = Record<string, unknown>;

export { retryAfterMs } from "../retry-after";

/** `endpoint` is a path on the base URL (base may carry a stage such as /V1) or a full URL. */
export function endpointUrl(baseUrl: string, endpoint: string): string {
  if (/^https?:\/\//i.test(endpoint)) return endpoint;
  return `${baseUrl.replace(/\/+$/, "")}${endpoint.startsWith("/") ? endpoint : `/${endpoint}`}`;
}

/** PetPooja's success flag is the string "1" [ref §2.2]; some replies use true or "success". */
export function isPetpoojaSuccess(json: PetpoojaResponse): boolean {
  const s = json.success;
  return s === "1" || s === 1 || s === true || s === "success";
}

function summarizeValidation(v: unknown): string {
  if (typeof v !== "object" || v === null) return "";
  const parts = Object.entries(v as Record<string, unknown>).map(([field, msgs]) => `${field}: ${Array.isArray(msgs) ? msgs.join(" ") : String(msgs)}`);
  return parts.length ? ` (${parts.join("; ")})` : "";
}

export type CallOptions = {
  op: string;
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  settings: Pick<PetpoojaSettings, "error_codes">;
};

export async function callPetpooja(o: CallOptions): Promise<PetpoojaResponse> {
  const { res, json } = await fetchVendor<PetpoojaResponse>("PetPooja", o.op, o.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...o.headers },
    body: JSON.stringify(o.body),
    timeoutMs: o.timeoutMs,
  });
  const vendorCode = typeof json?.errorCode === "string" ? json.errorCode : typeof json?.code === "string" ? json.code : undefined;
  const vendorMessage = typeof json?.message === "string" ? json.message : undefined;
  const describe = (status: number) =>
    `PetPooja ${o.op} failed: HTTP ${status}${vendorCode ? ` ${vendorCode}` : ""}${vendorMessage ? `: ${vendorMessage}` : ""}${summarizeValidation(json?.validation_errors)}`;
  const details = { httpStatus: res.status, vendorCode: vendorCode ?? null, vendorMessage: vendorMessage ?? null };

  if (res.status === 429) {
    throw new AppError("RATE_LIMITED", describe(429), { retryAfterMs: retryAfterMs(res.headers.get("retry-after")), details });
  }
  if (!res.ok) throw new AppError(codeForStatus(res.status), describe(res.status), { details });
  if (!json) {
    throw new AppError("PROVIDER_UNAVAILABLE", `PetPooja ${o.op} returned a non-JSON body (HTTP ${res.status})`, { details: { ...details, vendorCode: "NON_JSON" } });
  }
  if (!isPetpoojaSuccess(json)) {
    const auth = vendorCode !== undefined && o.settings.error_codes.auth.includes(vendorCode);
    throw new AppError(auth ? "PROVIDER_AUTH" : "PROVIDER_REJECTED", describe(res.status), { details });
  }
  return json;
}

function codeForStatus(status: number): AppErrorCode {
  if (status === 401 || status === 403) return "PROVIDER_AUTH";
  if (status === 408 || status >= 500) return "PROVIDER_UNAVAILABLE";
  return "PROVIDER_REJECTED";
}
