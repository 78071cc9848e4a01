/** The organization a member of several is acting for. */
export const ORG_COOKIE = "sb_org";
/** The restaurant picked in the seller switcher. */
export const RESTAURANT_COOKIE = "sb_restaurant";

/** One cookie's value from a request's headers (undecodable values count as absent). */
export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return null;
    }
  }
  return null;
}
