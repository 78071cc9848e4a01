import { and, gte, lt, min, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connectionHealthSamples, metricsHourly, metricsLatencyHourly, metricsRollupState, orders, pollRuns, webhookEvents } from "~/db/schema";
import { liveHourly, liveLatencyBins, rolledUntil } from "./hourly";

const HOUR = 3_600_000;
/**
 * Hours re-aggregated on every refresh. A push settles within its retry schedule (12 × 5 min) and
 * a failed webhook is usually reprocessed the same day, so 48 h catches late changes; anything
 * older (a manual retry days later) shows after `refreshMetricsRollups(db, now, { full: true })`.
 */
export const ROLLUP_REFRESH_HOURS = 48;

/**
 * Fill `metrics_hourly` / `metrics_latency_hourly` for complete UTC hours up to the current one:
 * the first run backfills from the oldest data, later runs redo the last 48 hours. Idempotent,
 * one transaction; the overview reads hours after `rolled_until` live, so it is never stale.
 */
export async function refreshMetricsRollups(db: Db, now = new Date(), opts: { full?: boolean } = {}) {
  const until = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const previous = opts.full ? null : await rolledUntil(db);
  const from = previous ? new Date(Math.min(previous.getTime(), until.getTime() - ROLLUP_REFRESH_HOURS * HOUR)) : await oldestDataHour(db, until);
  const [rows, bins] = from < until ? await Promise.all([liveHourly(db, from, until), liveLatencyBins(db, from, until)]) : [[], []];
  await db.transaction(async (tx) => {
    // One refresh at a time (the inline driver's timer and a manual run may overlap).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('metrics_rollup'))`);
    await tx.delete(metricsHourly).where(and(gte(metricsHourly.bucket, from), lt(metricsHourly.bucket, until)));
    await tx.delete(metricsLatencyHourly).where(and(gte(metricsLatencyHourly.bucket, from), lt(metricsLatencyHourly.bucket, until)));
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insert(metricsHourly).values(rows.slice(i, i + 500).map((r) => ({ ...r, bucket: new Date(r.bucket) })));
    }
    for (let i = 0; i < bins.length; i += 1000) {
      await tx.insert(metricsLatencyHourly).values(bins.slice(i, i + 1000).map((b) => ({ ...b, bucket: new Date(b.bucket) })));
    }
    await tx
      .insert(metricsRollupState)
      .values({ name: "hourly", rolledUntil: until, refreshedAt: now })
      .onConflictDoUpdate({ target: metricsRollupState.name, set: { rolledUntil: until, refreshedAt: now } });
  });
  return { from, until, hours: rows.length, bins: bins.length };
}

async function oldestDataHour(db: Db, fallback: Date) {
  const found = await Promise.all([
    db.select({ at: min(orders.createdAt) }).from(orders),
    db.select({ at: min(connectionHealthSamples.checkedAt) }).from(connectionHealthSamples),
    db.select({ at: min(webhookEvents.receivedAt) }).from(webhookEvents),
    db.select({ at: min(pollRuns.startedAt) }).from(pollRuns),
  ]);
  const times = found.map((r) => r[0]?.at).filter((d): d is Date => !!d).map((d) => new Date(d).getTime());
  if (!times.length) return fallback;
  return new Date(Math.floor(Math.min(...times) / HOUR) * HOUR);
}
