/**
 * Push one recorded availability change to the POS through the provider's adapter (the
 * `switchboard/menu.availability-push-requested` handler). Idempotent and order-safe: setting
 * availability is a "set", not a toggle, and a change that a newer one for the same row has
 * superseded is never pushed (a slow retry must not undo the seller's latest click).
 * Outcomes map onto the one error table: retryable failures are recorded and thrown back to the
 * job runner (Inngest retries; the push sweeper re-drives them in-process).
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { availabilityChanges, connections, itemVariations } from "~/db/schema";
import { env } from "~/env";
import { adapterContext } from "~/server/connections/adapter-context";
import { isAppError, jobBehaviourOf } from "~/server/errors";
import { getProvider, isProviderId } from "~/server/integrations/registry";
import { logger } from "~/server/logger";
import { findTarget } from "./targets";

/** Prefix of a push_error that will not be retried (the POS rejected it, or cannot do it). */
export const FINAL_PUSH_ERROR = "[final] ";

export type PushOutcome =
  | { status: "pushed" | "superseded" | "not_pushed" }
  | { status: "retry"; error: string; retryAfterMs?: number }
  | { status: "failed"; error: string };

export async function pushAvailabilityChange(db: Db, changeId: string, now = () => new Date()): Promise<PushOutcome> {
  const [change] = await db.select().from(availabilityChanges).where(eq(availabilityChanges.id, changeId)).limit(1);
  if (!change || change.pushedAt) return { status: "pushed" };
  const record = (patch: Partial<typeof availabilityChanges.$inferInsert>) =>
    db.update(availabilityChanges).set(patch).where(eq(availabilityChanges.id, changeId));

  // Only the latest change of a row is worth pushing.
  const [latest] = await db
    .select({ id: availabilityChanges.id })
    .from(availabilityChanges)
    .where(and(eq(availabilityChanges.targetId, change.targetId), inArray(availabilityChanges.source, ["seller", "api", "snooze_expiry"])))
    .orderBy(desc(availabilityChanges.receivedAt), desc(availabilityChanges.createdAt))
    .limit(1);
  if (latest && latest.id !== change.id) {
    await record({ pushError: `${FINAL_PUSH_ERROR}Superseded by a newer change` });
    return { status: "superseded" };
  }

  const connection = change.connectionId
    ? (await db.select().from(connections).where(eq(connections.id, change.connectionId)).limit(1))[0]
    : undefined;
  const target = await findTarget(db, change.restaurantId, change.targetType, change.targetId);
  const provider = connection && isProviderId(connection.provider) ? getProvider(connection.provider) : null;
  const why = !connection || connection.status === "disconnected"
    ? "The POS is not connected"
    : !target
      ? "The menu row was removed"
      : !provider?.adapter.setAvailability
        ? `${provider?.metadata.name ?? connection.provider} does not accept availability changes from partners`
        : null;
  if (why || !connection || !target || !provider?.adapter.setAvailability) {
    await record({ pushError: `${FINAL_PUSH_ERROR}${why ?? "Not pushed"}` });
    return { status: "not_pushed" };
  }

  const variationExternalIds =
    change.targetType === "item"
      ? (
          await db
            .select({ externalId: itemVariations.externalId })
            .from(itemVariations)
            .where(and(eq(itemVariations.itemId, target.id), isNull(itemVariations.removedAt)))
            .orderBy(itemVariations.sortOrder)
        ).map((v) => v.externalId)
      : [];
  try {
    const ctx = await adapterContext(db, connection, env.POS_REQUEST_TIMEOUT_MS);
    await provider.adapter.setAvailability(ctx, {
      targetType: change.targetType,
      externalId: target.externalId,
      variationExternalIds,
      available: change.available,
      snoozedUntil: change.snoozedUntil,
    });
    await record({ pushedAt: now(), pushError: null });
    return { status: "pushed" };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
    const behaviour = jobBehaviourOf(error);
    logger.warn("menu.availability_push_failed", { changeId, provider: connection.provider, behaviour, error });
    if (behaviour === "no_retry") {
      await record({ pushError: `${FINAL_PUSH_ERROR}${message}` });
      return { status: "failed", error: message };
    }
    await record({ pushError: message });
    return { status: "retry", error: message, retryAfterMs: isAppError(error) ? error.retryAfterMs : undefined };
  }
}
