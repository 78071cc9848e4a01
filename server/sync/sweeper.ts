import { and, asc, eq, inArray, lt, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { syncJobs } from "~/db/schema";
import { logger } from "~/server/logger";
import { syncSettings, type SyncSettings } from "./settings";

export type DueJob = { id: string; connectionId: string | null; provider: string | null };

/**
 * Nothing is lost: re-drive every job that is due (a lost event, a retry whose time came)
 * and put back jobs stuck in `syncing` after a crash. Safe to run anywhere, any number of
 * times: runSyncJob claims each job with SKIP LOCKED and the adapter call is idempotent.
 */
export async function sweepSyncJobs(
  db: Db,
  redrive: (job: DueJob) => Promise<unknown>,
  opts: { now?: Date; settings?: SyncSettings; limit?: number } = {},
) {
  const now = opts.now ?? new Date();
  const settings = opts.settings ?? syncSettings();
  const stuck = await db
    .update(syncJobs)
    .set({ status: "retry", lockedAt: null, nextAttemptAt: now, lastErrorMessage: "The previous attempt was interrupted; trying again." })
    .where(and(eq(syncJobs.status, "syncing"), lt(syncJobs.lockedAt, new Date(now.getTime() - settings.stuckAfterMs))))
    .returning({ id: syncJobs.id });
  if (stuck.length) logger.warn("sync.sweeper_recovered_stuck", { count: stuck.length });

  const due = await db
    .select({ id: syncJobs.id, connectionId: syncJobs.connectionId, provider: syncJobs.provider })
    .from(syncJobs)
    .where(and(inArray(syncJobs.status, ["pending", "retry"]), lte(syncJobs.nextAttemptAt, now)))
    .orderBy(asc(syncJobs.nextAttemptAt))
    .limit(opts.limit ?? 200);
  for (const job of due) await redrive(job);
  return { recovered: stuck.length, redriven: due.length };
}
