/**
 * Re-drives availability pushes that failed with a retryable error (POS down, timeout, 429).
 * Inngest retries a push on its own; this sweep is what retries them under the in-process
 * driver, and the safety net when Inngest gave up. Bounded by age: a change older than
 * PUSH_RETRY_WINDOW_MS is left with its error for the seller to see (and superseded changes are
 * never re-pushed, see push.ts).
 */
import { and, gt, isNotNull, isNull, notLike } from "drizzle-orm";
import type { Db } from "~/db/client";
import { availabilityChanges } from "~/db/schema";
import { FINAL_PUSH_ERROR } from "./push";

export const PUSH_RETRY_WINDOW_MS = 60 * 60_000;

export async function duePushRetries(db: Db, now = new Date(), limit = 100) {
  return db
    .select({ changeId: availabilityChanges.id, connectionId: availabilityChanges.connectionId })
    .from(availabilityChanges)
    .where(
      and(
        isNull(availabilityChanges.pushedAt),
        isNotNull(availabilityChanges.pushError),
        notLike(availabilityChanges.pushError, `${FINAL_PUSH_ERROR}%`),
        gt(availabilityChanges.createdAt, new Date(now.getTime() - PUSH_RETRY_WINDOW_MS)),
      ),
    )
    .orderBy(availabilityChanges.createdAt)
    .limit(limit);
}
