import { timingSafeEqual } from "node:crypto";

/**
 * Constant-time comparison of a computed webhook signature with the one received, as text.
 * A signature's length is public (fixed by its scheme), so unequal lengths may fail fast;
 * equal lengths are compared with timingSafeEqual. Comparing the text, not decoded bytes:
 * Node's base64/hex decoders skip junk characters, so decoding first would accept altered
 * headers [Square reference §1.4].
 */
export function signatureEquals(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
