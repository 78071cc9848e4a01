/**
 * Square's webhook signature, exactly [reference §1.4; docs/webhooks/step3validate; SDK
 * WebhooksHelper.ts]: base64(HMAC-SHA256(key = signature key as UTF-8 text, NOT base64-decoded,
 * message = notification URL + raw body)), URL first, no separator. Shared by verify and the fake.
 */
import { createHmac } from "node:crypto";

export const SQUARE_SIGNATURE_HEADER = "x-square-hmacsha256-signature";

export function squareSignature(signatureKey: string, notificationUrl: string, rawBody: string): string {
  return createHmac("sha256", signatureKey).update(notificationUrl + rawBody, "utf8").digest("base64");
}
