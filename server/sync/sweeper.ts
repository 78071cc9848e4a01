import { and, asc, eq, inArray, lt, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { syncJobs } from "~/db/schema";
import { logger } from "~/server/logger";
import { syncSettings, type SyncSettings } from "./settings";

const SWEEP_GRACE_MS = 1_000;

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
    // Due at once (past the grace below): nobody else will pick it up.
    .set({ status: "retry", lockedAt: null, nextAttemptAt: new Date(now.getTime() - SWEEP_GRACE_MS), lastErrorMessage: "The previous attempt was interrupted; trying again." })
    .where(and(eq(syncJobs.status, "syncing"), lt(syncJobs.lockedAt, new Date(now.getTime() - settings.stuckAfterMs))))
    .returning({ id: syncJobs.id });
  if (stuck.length) logger.warn("sync.sweeper_recovered_stuck", { count: stuck.length });

  const due = await db
    .select({ id: syncJobs.id, connectionId: syncJobs.connectionId, provider: syncJobs.provider })
    .from(syncJobs)
    // A job that just became due was normally dispatched already; give that run a moment
    // before treating the job as lost, so sweeps don't pile onto fresh orders.
    .where(and(inArray(syncJobs.status, ["pending", "retry"]), lte(syncJobs.nextAttemptAt, new Date(now.getTime() - SWEEP_GRACE_MS))))
    .orderBy(asc(syncJobs.nextAttemptAt))
    .limit(opts.limit ?? 200);
  for (const job of due) await redrive(job);
  return { recovered: stuck.length, redriven: due.length };
}
