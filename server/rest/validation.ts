import type { z } from "zod";
import type { FieldErrors } from "./envelope";

/** Larger bodies are refused before parsing; a 200-item order is a few dozen kilobytes. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Zod issues as `{ "items.0.quantity": ["…"] }`. An issue about the whole input (a body
 * that is not an object) is filed under `root` ("body", "query" or "params").
 */
export function fieldErrorsOf(error: z.ZodError, root: string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : root;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Query string as an object; a repeated key becomes an array, as `?status=a&status=b` means. */
export function searchParamsObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; message: string };

/**
 * The JSON body, or why not. Requiring a JSON content type also keeps cookie-authenticated
 * calls safe from cross-site form posts, which cannot send one without a CORS preflight.
 */
export async function readJsonBody(req: Request): Promise<BodyResult> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, status: 415, message: "Send the body as JSON with Content-Type: application/json" };
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, status: 413, message: "Request body is too large" };
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return { ok: false, status: 413, message: "Request body is too large" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: "Invalid JSON body" };
  }
}
