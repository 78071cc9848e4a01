/**
 * A POS told us an item / variation / add-on is sold out or back (`stock_changed`, from Square's
 * inventory.count.updated or PetPooja's inventory / on-off callbacks). The POS is the source of
 * this change, so nothing is pushed back; the change is recorded with when the webhook arrived
 * (`received_at`) and when our menu showed it (`applied_at`), which is the latency we promise.
 */
import type { Db } from "~/db/client";
import { availabilityChanges } from "~/db/schema";
import type { ParsedWebhookEvent } from "~/server/integrations/types";
import { findTargetByExternalId, writeTargetState } from "./targets";

type StockEvent = Extract<ParsedWebhookEvent, { kind: "stock_changed" }>;

/** Returns the row it changed, or null when this connection's menu has no such POS id. */
export async function applyStockEvent(
  db: Db,
  connection: { id: string },
  event: StockEvent,
  receivedAt: Date,
): Promise<{ targetType: string; targetId: string } | null> {
  const found = await findTargetByExternalId(db, connection.id, event.posItemId);
  if (!found) return null;
  const { type, row } = found;
  // A redelivery or an echo of our own push: nothing to change, nothing to record.
  if (row.available === event.available && row.snoozedUntil === null) return { targetType: type, targetId: row.id };
  const now = new Date();
  // The POS's word replaces any snooze: "back in stock" ends it, "sold out" is until the POS says otherwise.
  const state = { available: event.available, snoozedUntil: null };
  await db.transaction(async (tx) => {
    await writeTargetState(tx, type, row.id, state, now);
    await tx.insert(availabilityChanges).values({
      organizationId: row.organizationId,
      restaurantId: row.restaurantId,
      connectionId: row.connectionId,
      targetType: type,
      targetId: row.id,
      available: state.available,
      snoozedUntil: null,
      source: "webhook",
      receivedAt,
      appliedAt: now,
    });
  });
  return { targetType: type, targetId: row.id };
}
