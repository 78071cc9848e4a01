/**
 * PetPooja callbacks in: verification and normalisation. PetPooja payloads carry no event id and
 * no event type, so the kind is read from the payload's shape and the event id is a digest of
 * the raw body (a redelivery of the same body dedupes; a new status is a new event).
 *
 * Payloads understood:
 * - order status, real [ref §2.4]: `{restID, orderID, status:"-1"|"1"|…|"10", cancel_reason, …}`.
 *   Which orderID PetPooja echoes (ours or its own) is UNCONFIRMED: we send our id as orderID and
 *   store it as posOrderId, so `clientOrderID`/`clientorderID` win when present, then `orderID`.
 * - order status, seed 002: `{order_id (ours), pos_order_id (theirs), status:"CONFIRMED", timestamp, restaurant_id}`.
 * - menu update, seed 002 `{restaurant_id, items_updated[]}`, or a full pushed menu [ref §2.3] → menu_changed.
 * - inventory update, seed 002 `{restaurant_id, item_id, availability}` → stock_changed.
 * - item/addon on-off [ref §2.6] `{restID, inStock, type, itemID:{"0":"id1",…}}` → one stock_changed per id.
 */
import { createHash } from "node:crypto";
import { AppError } from "~/server/errors";
import type { ParsedWebhookEvent, WebhookCapability, WebhookRequest } from "../types";
import { signatureEquals } from "../signature-equals";
import { PETPOOJA_SIGNATURE_HEADER, petpoojaSignature, safeEqual } from "./signature";
import { petpoojaStatusOf } from "./status-map";

export type PetpoojaWebhookScheme = "hmac_sha256" | "bearer";

type Rec = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined);

function occurredAt(body: Rec): Date {
  const raw = str(body.timestamp) ?? str(body.updated_at);
  const d = raw ? new Date(raw) : new Date();
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

export function petpoojaEventId(rawBody: string): string {
  return `pp_${createHash("sha256").update(rawBody, "utf8").digest("hex").slice(0, 40)}`;
}

/**
 * Every secret is tried with no early exit (rotation: old and new are valid together, and the
 * time taken does not reveal which matched).
 */
export function createPetpoojaWebhooks(opts: { schemes: PetpoojaWebhookScheme[] }): WebhookCapability {
  function verify(req: WebhookRequest, secrets: string[]): boolean {
    const signature = opts.schemes.includes("hmac_sha256") ? req.headers.get(PETPOOJA_SIGNATURE_HEADER) : null;
    const authorization = opts.schemes.includes("bearer") ? req.headers.get("authorization") : null;
    const bearer = authorization && /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (!signature && !bearer) return false;
    let ok = false;
    for (const secret of secrets) {
      if (!secret) continue;
      if (signature && signatureEquals(petpoojaSignature(secret, req.rawBody), signature.trim())) ok = true;
      if (bearer && safeEqual(secret, bearer)) ok = true;
    }
    return ok;
  }
  return { verify, parse };
}

function parse(rawBody: string): ParsedWebhookEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "PetPooja callback body is not valid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new AppError("BAD_REQUEST", "PetPooja callback body is not a JSON object");
  const body = json as Rec;
  const eventId = petpoojaEventId(rawBody);
  const at = occurredAt(body);

  if (body.status !== undefined && body.inStock === undefined) {
    const posOrderId = str(body.clientOrderID) ?? str(body.clientorderID) ?? str(body.order_id) ?? str(body.orderID);
    if (!posOrderId) return [{ kind: "ignored", eventId, type: "order_status_without_order_id" }];
    const status = str(body.status) ?? "";
    const reason = str(body.cancel_reason);
    return [{ kind: "order_status", eventId, posOrderId, vendorState: reason ? `${status} (${reason})` : status, status: petpoojaStatusOf(status), occurredAt: at }];
  }
  if (Array.isArray(body.items_updated) || (Array.isArray(body.items) && Array.isArray(body.categories))) {
    return [{ kind: "menu_changed", eventId, occurredAt: at }];
  }
  if (body.item_id !== undefined && body.availability !== undefined) {
    const posItemId = str(body.item_id);
    if (!posItemId) return [{ kind: "ignored", eventId, type: "inventory_without_item" }];
    return [{ kind: "stock_changed", eventId, posItemId, available: body.availability === true || body.availability === "1" || body.availability === 1, occurredAt: at }];
  }
  if (body.inStock !== undefined && body.itemID !== undefined) {
    const raw = body.itemID;
    // [ref §2.6] An index-keyed object, not an array; accept both (and a single id).
    const ids = (Array.isArray(raw) ? raw : typeof raw === "object" && raw !== null ? Object.values(raw) : [raw]).map(str).filter((x): x is string => !!x);
    const available = body.inStock === true || body.inStock === "true" || body.inStock === "1" || body.inStock === 1;
    return ids.map((posItemId, i) => ({ kind: "stock_changed" as const, eventId: ids.length === 1 ? eventId : `${eventId}#${i}`, posItemId, available, occurredAt: at }));
  }
  return [{ kind: "ignored", eventId, type: "unknown" }];
}

/** Default: the seed's HMAC and the static bearer header integrators use [ref §2.4]. */
export const petpoojaWebhooks: WebhookCapability = createPetpoojaWebhooks({ schemes: ["hmac_sha256", "bearer"] });
