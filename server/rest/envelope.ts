/**
 * The response envelope of the public REST API (seed 001): `{ success, data, message }`.
 * Every /api/v1 response goes through `ok` or `fail`, so clients can branch on `success`
 * alone and nothing is ever cached by a proxy in between.
 */

/** Field path ("items.0.quantity") → messages; only for 400s. */
export type FieldErrors = Record<string, string[]>;

export type SuccessEnvelope<T> = { success: true; data: T; message: string | null };
export type ErrorEnvelope = { success: false; data: null; message: string; errors?: FieldErrors };

const BASE_HEADERS = { "cache-control": "no-store" } as const;

function json(body: unknown, status: number, headers?: HeadersInit) {
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(BASE_HEADERS)) h.set(k, v);
  return Response.json(body, { status, headers: h });
}

export function ok<T>(data: T, message?: string, status = 200): Response {
  const body: SuccessEnvelope<T> = { success: true, data, message: message ?? null };
  return json(body, status);
}

export function fail(status: number, message: string, errors?: FieldErrors, headers?: HeadersInit): Response {
  const body: ErrorEnvelope = { success: false, data: null, message, ...(errors ? { errors } : {}) };
  return json(body, status, headers);
}
