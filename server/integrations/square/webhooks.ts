/**
 * Square webhooks in: verification and normalisation. Envelope
 * `{merchant_id, type, event_id, created_at, data:{type, id, object}}`; order events are thin
 * notifications (ids, state, version), not the order [reference §1.3].
 */
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { ParsedWebhookEvent, WebhookCapability, WebhookRequest } from "../types";
import { signatureEquals } from "../signature-equals";
import { SQUARE_SIGNATURE_HEADER, squareSignature } from "./signature";
import { squareStatusOf, squareVendorState } from "./status-map";

/**
 * `req.url` must be the notification URL exactly as registered on the subscription (scheme,
 * host, path, query, trailing slash): behind a proxy the route passes the configured URL, not
 * one rebuilt from the request [reference §1.4]. Every secret is tried: during a key rotation
 * both the old and the new key are valid (DESIGN "Webhooks in").
 */
function verify(req: WebhookRequest, secrets: string[]): boolean {
  const received = req.headers.get(SQUARE_SIGNATURE_HEADER);
  if (!received) return false;
  let ok = false;
  // No early exit: the time taken does not reveal which secret matched.
  for (const secret of secrets) {
    if (!secret) continue;
    if (signatureEquals(squareSignature(secret, req.url, req.rawBody), received)) ok = true;
  }
  return ok;
}

const envelopeSchema = z.object({
  merchant_id: z.string().optional(),
  type: z.string(),
  event_id: z.string().min(1),
  created_at: z.string().optional(),
  // `data.type` differs between the SDK doc-comment and the official example: never read it.
  data: z.object({ id: z.string().optional(), object: z.record(z.string(), z.unknown()).optional() }).optional(),
});
type Envelope = z.infer<typeof envelopeSchema>;

const orderNoticeSchema = z.object({ order_id: z.string().optional(), state: z.string().optional() });
const noticeLocationSchema = z.object({ location_id: z.string() });
const fulfillmentUpdateSchema = z.array(z.object({ new_state: z.string().optional() })).optional();
const inventoryCountsSchema = z.array(
  z.object({ catalog_object_id: z.string(), state: z.string().optional(), quantity: z.string().optional() }),
);

function parse(rawBody: string): ParsedWebhookEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "Square webhook body is not valid JSON");
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new AppError("BAD_REQUEST", "Square webhook body is not a Square event envelope");
  // Square sends every merchant's events to the app's one subscription URL: carry the merchant
  // (and, for order notices, the location) so the ingress can route the event to a connection.
  const e = envelope.data;
  const key = e.type === "order.created" ? "order_created" : e.type === "order.updated" ? "order_updated" : "order_fulfillment_updated";
  const locationId = noticeLocationSchema.safeParse(e.data?.object?.[key]);
  const routing = {
    ...(e.merchant_id ? { merchantId: e.merchant_id } : {}),
    ...(locationId.success ? { locationId: locationId.data.location_id } : {}),
  };
  return toEvents(e).map((ev) => ({ ...ev, ...routing }));
}

function toEvents(e: Envelope): ParsedWebhookEvent[] {
  const signedAt = e.created_at ? new Date(e.created_at) : undefined;
  const occurredAt = signedAt ?? new Date();
  const object = e.data?.object ?? {};
  const ignored: ParsedWebhookEvent = { kind: "ignored", eventId: e.event_id, type: e.type, ...(signedAt ? { occurredAt: signedAt } : {}) };
  switch (e.type) {
    case "order.created":
    case "order.updated":
    case "order.fulfillment.updated": {
      // data.object.order_created | order_updated | order_fulfillment_updated [reference §1.3].
      const key = e.type === "order.created" ? "order_created" : e.type === "order.updated" ? "order_updated" : "order_fulfillment_updated";
      const notice = orderNoticeSchema.safeParse(object[key]);
      const posOrderId = (notice.success ? notice.data.order_id : undefined) ?? e.data?.id;
      if (!posOrderId) return [ignored];
      const updates = fulfillmentUpdateSchema.safeParse((object[key] as Record<string, unknown> | undefined)?.fulfillment_update);
      // Several fulfillment changes in one event: the last one is the current state.
      const fulfillmentState = updates.success ? (updates.data?.at(-1)?.new_state ?? null) : null;
      const states = { orderState: notice.success ? (notice.data.state ?? null) : null, fulfillmentState };
      return [{ kind: "order_status", eventId: e.event_id, posOrderId, vendorState: squareVendorState(states), status: squareStatusOf(states), occurredAt }];
    }
    case "catalog.version.updated":
      return [{ kind: "menu_changed", eventId: e.event_id, occurredAt }];
    case "inventory.count.updated": {
      const counts = inventoryCountsSchema.safeParse(object.inventory_counts);
      if (!counts.success) return [ignored];
      // Counts are per inventory state; only IN_STOCK says what is on hand. A SOLD or WASTE count
      // records movement, not availability, so it must not 86 an item.
      const inStock = counts.data.filter((c) => (c.state ?? "IN_STOCK") === "IN_STOCK");
      if (inStock.length === 0) return [ignored];
      // One event may carry several counts: suffix the id so per-event dedupe keeps them all.
      return inStock.map((c, i) => ({
        kind: "stock_changed" as const,
        eventId: inStock.length === 1 ? e.event_id : `${e.event_id}#${i}`,
        posItemId: c.catalog_object_id,
        available: Number(c.quantity ?? "0") > 0,
        occurredAt,
      }));
    }
    case "oauth.authorization.revoked":
      return [{ kind: "auth_revoked", eventId: e.event_id, merchantId: e.merchant_id, occurredAt }];
    default:
      return [ignored];
  }
}

export const squareWebhooks: WebhookCapability = { verify, parse };
