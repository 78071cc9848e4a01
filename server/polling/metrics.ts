import { gte, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client";
import { pollRuns } from "~/db/schema";

export type PollingMetrics = { provider: string; runs: number; polled: number; succeeded: number; failed: number; changed: number; successRate: number | null };

/** Poll success/failure per provider since `since` (seed 000 "pollingSuccess"), for the admin metrics. */
export async function pollingMetrics(db: DbOrTx, since: Date): Promise<PollingMetrics[]> {
  const rows = await db
    .select({
      provider: pollRuns.provider,
      runs: sql<number>`count(*)::int`,
      polled: sql<number>`coalesce(sum(${pollRuns.polled}), 0)::int`,
      succeeded: sql<number>`coalesce(sum(${pollRuns.succeeded}), 0)::int`,
      failed: sql<number>`coalesce(sum(${pollRuns.failed}), 0)::int`,
      changed: sql<number>`coalesce(sum(${pollRuns.changed}), 0)::int`,
    })
    .from(pollRuns)
    .where(gte(pollRuns.startedAt, since))
    .groupBy(pollRuns.provider)
    .orderBy(pollRuns.provider);
  return rows.map((r) => ({ ...r, successRate: r.polled ? r.succeeded / r.polled : null }));
}
