/**
 * Square's webhook signature, exactly [reference §1.4; docs/webhooks/step3validate; SDK
 * WebhooksHelper.ts]: base64(HMAC-SHA256(key = signature key as UTF-8 text, NOT base64-decoded,
 * message = notification URL + raw body)), URL first, no separator. Shared by verify and the fake.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SQUARE_SIGNATURE_HEADER = "x-square-hmacsha256-signature";

export function squareSignature(signatureKey: string, notificationUrl: string, rawBody: string): string {
  return createHmac("sha256", signatureKey).update(notificationUrl + rawBody, "utf8").digest("base64");
}

/**
 * Constant time. Compares the base64 text, not decoded bytes: Node's base64 decoder skips junk
 * characters, so decoding first would accept altered headers. The SDK compares with `===`; we
 * use timingSafeEqual on equal-length buffers [reference §1.4].
 */
export function signatureMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
