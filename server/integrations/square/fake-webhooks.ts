/**
 * Webhooks out of the fake, built and signed exactly as Square does: envelope
 * `{merchant_id, type, event_id, created_at, data:{type, id, object}}` [reference §1.3], header
 * `x-square-hmacsha256-signature` = base64(HMAC-SHA256(key, url + body)) [reference §1.4].
 */
import { randomUUID } from "node:crypto";
import type { FakeSquareState } from "./fake-types";
import { SQUARE_SIGNATURE_HEADER, squareSignature } from "./signature";

export type EmitWebhookInput = {
  notificationUrl: string;
  signatureKey: string;
  type: string;
  /** `data.type` is "order" for order events in the official example, not "order_updated" [reference §1.3]. */
  data: { type: string; id: string; object: Record<string, unknown> };
  merchantId?: string;
  eventId?: string;
  /** `square-retry-number` counts retries only; the first delivery is 0 [docs/webhooks/step2subscribe]. */
  retryNumber?: number;
};

/** POSTs one event; resolves to the receiver's HTTP status, or 0 when it could not be reached. */
export async function emitWebhook(state: FakeSquareState, input: EmitWebhookInput): Promise<number> {
  const eventId = input.eventId ?? randomUUID();
  const createdAt = new Date().toISOString();
  const body = JSON.stringify({
    merchant_id: input.merchantId ?? state.merchantId,
    type: input.type,
    event_id: eventId,
    created_at: createdAt,
    data: input.data,
  });
  let status = 0;
  try {
    const res = await fetch(input.notificationUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SQUARE_SIGNATURE_HEADER]: squareSignature(input.signatureKey, input.notificationUrl, body),
        "square-environment": "Sandbox",
        "square-initial-delivery-timestamp": createdAt,
        "square-retry-number": String(input.retryNumber ?? 0),
        "user-agent": "Square Connect v2",
      },
      body,
      // Square waits 10 s for a 2xx [docs/webhooks-api/delivery-sla].
      signal: AbortSignal.timeout(10_000),
      redirect: "manual",
    });
    status = res.status;
    await res.body?.cancel();
  } catch {
    status = 0;
  }
  state.webhookDeliveries.push({ type: input.type, eventId, notificationUrl: input.notificationUrl, status });
  return status;
}

/**
 * Delivers to every subscription, one event after another in the order they happened (so a
 * receiver sees order.fulfillment.updated before the order.updated it caused), tracking the
 * in-flight work so close() and tests can await it.
 */
export function createNotifier(state: FakeSquareState, inflight: Set<Promise<unknown>>) {
  let chain: Promise<unknown> = Promise.resolve();
  return (type: string, data: EmitWebhookInput["data"]): Promise<number[]> => {
    const run = chain.then(() => Promise.all(state.subscriptions.map((s) => emitWebhook(state, { ...s, type, data }))));
    chain = run;
    inflight.add(run);
    const done = () => void inflight.delete(run);
    run.then(done, done);
    return run;
  };
}
