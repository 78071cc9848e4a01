/**
 * PetPooja status → our kitchen lifecycle, shared by webhooks and the fake. Two vocabularies:
 * - the real callback codes [ref §2.4], which arrive as strings;
 * - seed 002 STATUS_MAPPING words (its documented webhook payload).
 */
import type { OrderStatus } from "~/db/schema";

/** [ref §2.4] -1 cancelled, 1/2/3 accepted (integrators treat them alike), 4 dispatched, 5 food ready, 10 delivered. */
export const PETPOOJA_CALLBACK_STATUS: Readonly<Record<string, OrderStatus>> = {
  "-1": "cancelled",
  "1": "confirmed",
  "2": "confirmed",
  "3": "confirmed",
  "4": "out_for_delivery",
  "5": "ready",
  "10": "delivered",
};

/**
 * Seed 002 STATUS_MAPPING. The seed maps DISPATCHED → "dispatched", which is not one of our
 * statuses: it is our out_for_delivery.
 */
export const PETPOOJA_STATUS_MAPPING: Readonly<Record<string, OrderStatus>> = {
  CONFIRMED: "confirmed",
  PREPARING: "preparing",
  READY: "ready",
  DISPATCHED: "out_for_delivery",
  DELIVERED: "delivered",
  CANCELLED: "cancelled",
  REJECTED: "rejected",
};

/** `null` = a status we cannot map: callers keep our status rather than guess. */
export function petpoojaStatusOf(raw: unknown): OrderStatus | null {
  if (typeof raw === "number" && Number.isInteger(raw)) return PETPOOJA_CALLBACK_STATUS[String(raw)] ?? null;
  if (typeof raw !== "string") return null;
  const s = raw.trim();
  if (Object.hasOwn(PETPOOJA_CALLBACK_STATUS, s)) return PETPOOJA_CALLBACK_STATUS[s]!;
  const word = s.toUpperCase();
  return Object.hasOwn(PETPOOJA_STATUS_MAPPING, word) ? PETPOOJA_STATUS_MAPPING[word]! : null;
}
