/**
 * Retention for the append-only activity tables that grow with traffic: stored webhook calls,
 * poll-run metrics and POS health samples. Kept ACTIVITY_RETENTION_DAYS (default 35: the admin's 30-day charts
 * plus a margin), then deleted in bounded batches so one run never holds long locks.
 * A webhook event still owed work (received, or failed with a retry due) is never deleted,
 * whatever its age: nothing is lost to retention.
 */
import { and, inArray, isNull, lt, or, sql, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client";
import { connectionHealthSamples, pollRuns, webhookEvents } from "~/db/schema";
import { env } from "~/env";
import { logger } from "~/server/logger";

const DAY_MS = 86_400_000;
const BATCH = 5_000;
/** At most this many batches per table per run; the next run continues. */
const MAX_BATCHES = 40;

export type PurgeResult = { webhookEvents: number; pollRuns: number; healthSamples: number; cutoff: Date };

export async function purgeExpiredActivity(db: Db, now = new Date(), days = env.ACTIVITY_RETENTION_DAYS): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const settled = or(
    inArray(webhookEvents.status, ["processed", "ignored", "rejected", "unmatched"]),
    and(eq(webhookEvents.status, "failed"), isNull(webhookEvents.nextAttemptAt)),
  )!;
  const result = {
    webhookEvents: await purge(db, webhookEvents, webhookEvents.id, and(lt(webhookEvents.receivedAt, cutoff), settled)!),
    pollRuns: await purge(db, pollRuns, pollRuns.id, lt(pollRuns.startedAt, cutoff)),
    healthSamples: await purge(db, connectionHealthSamples, connectionHealthSamples.id, lt(connectionHealthSamples.checkedAt, cutoff)),
    cutoff,
  };
  if (result.webhookEvents || result.pollRuns || result.healthSamples) logger.info("retention.purged", { ...result, cutoff: cutoff.toISOString() });
  return result;
}

async function purge(db: Db, table: PgTable, idColumn: PgColumn, where: SQL): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = db.select({ id: idColumn }).from(table).where(where).limit(BATCH);
    const deleted = await db.delete(table).where(inArray(idColumn, batch)).returning({ id: sql`1` });
    total += deleted.length;
    if (deleted.length < BATCH) break;
  }
  return total;
}
