/** Only same-site paths are honoured as post-sign-in destinations (no open redirect). */
export function safeCallbackUrl(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (raw.startsWith("/api/") || raw.startsWith("/sign-in") || raw.startsWith("/sign-up")) return fallback;
  return raw;
}
