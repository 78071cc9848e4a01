/**
 * Idempotency keys for follow-up calls (the EXTERNAL payment, a cancel retry), derived from the
 * caller's key so a retry of the whole operation reuses them exactly.
 */
import { createHash } from "node:crypto";

/**
 * CreatePayment keys are limited to 45 characters in Square's API reference (UNCONFIRMED in our
 * reference file; CreateOrder's is "commonly 192"). Short keys stay readable (`<key>:pay`);
 * longer ones become a digest of the same input, still deterministic.
 */
export const SQUARE_PAYMENT_KEY_MAX = 45;

export function derivedIdempotencyKey(key: string, suffix: string, maxLength = SQUARE_PAYMENT_KEY_MAX): string {
  const plain = `${key}:${suffix}`;
  if (plain.length <= maxLength) return plain;
  const digest = createHash("sha256").update(plain).digest("base64url");
  return digest.slice(0, maxLength);
}
