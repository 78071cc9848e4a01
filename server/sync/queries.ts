import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { syncAttempts, syncJobs, type SyncJobStatus } from "~/db/schema";

/** Seed 001 sync history for a restaurant: newest first, offset-paginated, optional status filter. */
export async function syncHistory(
  db: Db,
  restaurantId: string,
  opts: { limit: number; offset: number; status?: SyncJobStatus },
) {
  const where = and(eq(syncJobs.restaurantId, restaurantId), opts.status ? eq(syncJobs.status, opts.status) : undefined);
  const lastDuration = db
    .select({ jobId: syncAttempts.jobId, durationMs: sql<number>`max(${syncAttempts.durationMs})`.as("duration_ms") })
    .from(syncAttempts)
    .groupBy(syncAttempts.jobId)
    .as("d");
  const [rows, total] = await Promise.all([
    db
      .select({ job: syncJobs, durationMs: lastDuration.durationMs })
      .from(syncJobs)
      .leftJoin(lastDuration, eq(lastDuration.jobId, syncJobs.id))
      .where(where)
      .orderBy(desc(syncJobs.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(syncJobs).where(where),
  ]);
  return { logs: rows.map((r) => ({ ...r.job, durationMs: r.durationMs })), total: total[0]?.n ?? 0 };
}

/** Seed 001 stats: totals over every job of the restaurant; success rate as seed 001 computes it (successful / total). */
export async function syncStats(db: Db, restaurantId: string) {
  const rows = await db
    .select({ status: syncJobs.status, n: count() })
    .from(syncJobs)
    .where(eq(syncJobs.restaurantId, restaurantId))
    .groupBy(syncJobs.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<SyncJobStatus, number>>;
  const successful = by.success ?? 0;
  const total = rows.reduce((s, r) => s + r.n, 0);
  return {
    totalSyncs: total,
    successfulSyncs: successful,
    failedSyncs: by.failed ?? 0,
    pendingRetries: (by.retry ?? 0) + (by.pending ?? 0) + (by.syncing ?? 0),
    successRate: total ? Math.round((successful / total) * 1000) / 10 : null,
  };
}

/** Daily success/failure counts for the stats chart (last `days` days, UTC). */
export async function syncDaily(db: Db, restaurantId: string, days = 14) {
  const since = new Date(Date.now() - days * 864e5);
  const day = sql<string>`to_char(date_trunc('day', ${syncJobs.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      success: sql<number>`count(*) filter (where ${syncJobs.status} = 'success')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${syncJobs.status} = 'failed')`.mapWith(Number),
      other: sql<number>`count(*) filter (where ${syncJobs.status} not in ('success','failed'))`.mapWith(Number),
    })
    .from(syncJobs)
    .where(and(eq(syncJobs.restaurantId, restaurantId), sql`${syncJobs.createdAt} >= ${since}`))
    .groupBy(day)
    .orderBy(asc(day));
}

/** One order's sync job with every attempt, oldest first, for the attempt timeline. */
export async function orderSyncTimeline(db: Db, orderId: string) {
  const job = await db.query.syncJobs.findFirst({
    where: eq(syncJobs.orderId, orderId),
    with: { attempts: { orderBy: asc(syncAttempts.attemptNumber) } },
  });
  return job ?? null;
}
