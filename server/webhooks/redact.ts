/**
 * What of an inbound call is safe to keep: headers with anything secret masked, and text
 * Postgres can store (no NUL; bounded length). The raw body is kept as received otherwise,
 * because it is what was signed.
 */
const SECRET_HEADER = /signature|authorization|secret|token|api[-_]?key|cookie|hmac|password/i;
const MAX_HEADERS = 50;
const MAX_HEADER_VALUE = 1_000;

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  headers.forEach((value, name) => {
    if (++n > MAX_HEADERS) return;
    out[name] = SECRET_HEADER.test(name) ? "[redacted]" : value.slice(0, MAX_HEADER_VALUE);
  });
  return out;
}

/** Postgres text cannot hold U+0000, nor a lone UTF-16 surrogate (say, from a `"\ud800"` in a parsed body). */
export function storable(text: string, max = Infinity): string {
  const whole = text.isWellFormed() ? text : text.toWellFormed();
  const clean = whole.includes("\u0000") ? whole.replaceAll("\u0000", "\uFFFD") : whole;
  return clean.length > max ? clean.slice(0, max) : clean;
}

const SECRET_KEY = /secret|token|password|signature|api[-_]?key|authorization|card|cvv/i;

/** For the admin payload viewer: the parsed body with secret-looking fields masked. */
export function redactPayload(rawBody: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return rawBody.slice(0, 10_000);
  }
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 20) return "[…]";
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET_KEY.test(k) ? "[redacted]" : walk(x, depth + 1)]));
    }
    return v;
  };
  return walk(json, 0);
}
