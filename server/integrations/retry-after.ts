/**
 * An HTTP `Retry-After` value (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) in
 * milliseconds from `now`; undefined when absent or unreadable. Shared by every adapter.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
