/**
 * Callback authenticity. Two schemes, because our sources disagree:
 * - seed 002: `x-petpooja-signature: sha256=<hex HMAC-SHA256(secret, rawBody)>`;
 * - ref §2.4 [U]: PetPooja documents NO signature; integrators register a static
 *   `Authorization: Bearer <secret>` header in the PetPooja dashboard.
 * Shared by verify and the fake.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const PETPOOJA_SIGNATURE_HEADER = "x-petpooja-signature";

export function petpoojaSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

/**
 * Constant time over equal-length digests, whatever the inputs' lengths: for a bearer secret,
 * whose length should not leak either.
 */
export function safeEqual(expected: string, received: string): boolean {
  const a = createHash("sha256").update(expected, "utf8").digest();
  const b = createHash("sha256").update(received, "utf8").digest();
  return timingSafeEqual(a, b) && expected.length === received.length;
}
