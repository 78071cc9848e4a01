import { and, count, countDistinct, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, orders, restaurants, syncJobs } from "~/db/schema";
import { histogramPercentile, latencyMsSql, liveLatencyBins, loadWindowHours, rolledLatencyBins, type HourRow } from "./hourly";
import { providerMetrics } from "./provider-metrics";
import { rangeWindow, type MetricsRange, type RangeWindow } from "./range";

export type Money = { currency: string; amount: number };
export type SeriesPoint = { bucket: string; orders: number; synced: number; failed: number; revenue: Record<string, number> };

const rate = (ok: number, total: number) => (total ? ok / total : null);
const moneyList = (m: Map<string, number>): Money[] => [...m].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency));

/**
 * Order → POS latency p50/p95 over the window: exact (percentile_cont) when the window is all
 * live, otherwise read from the rollup's 5 % latency bins (within ±2.5 %).
 */
async function latency(db: Db, w: Pick<RangeWindow, "from" | "to">, split: Date) {
  if (split.getTime() === w.from.getTime()) {
    const round = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
    const [row] = await db
      .select({
        p50: sql<number | null>`percentile_cont(0.5) within group (order by ${latencyMsSql})`.mapWith(round),
        p95: sql<number | null>`percentile_cont(0.95) within group (order by ${latencyMsSql})`.mapWith(round),
      })
      .from(orders)
      .innerJoin(syncJobs, eq(syncJobs.orderId, orders.id))
      .where(and(gte(orders.createdAt, w.from), lt(orders.createdAt, w.to), eq(syncJobs.status, "success"), sql`${syncJobs.completedAt} is not null`));
    return { p50: row?.p50 ?? null, p95: row?.p95 ?? null, exact: true };
  }
  const bins = [...(await rolledLatencyBins(db, w.from, split)), ...(await liveLatencyBins(db, split, w.to))];
  return { p50: histogramPercentile(bins, 0.5), p95: histogramPercentile(bins, 0.95), exact: false };
}

/**
 * The admin overview (issue 6 part 1) over `range`, in UTC buckets (hours for 24 h, days else):
 * - orders are counted in the bucket they reached us (`orders.created_at`); revenue is summed per
 *   currency, never across currencies;
 * - sync success = pushes of the range's orders that finished: success / (success + failed);
 * - order → POS latency = `sync_jobs.completed_at - orders.placed_at` of successful pushes;
 * - open failures are all-time (a failure stays open until resolved), not range-bound;
 * - active restaurants = active restaurants with an active POS connection, now.
 */
export async function platformMetrics(db: Db, range: MetricsRange, now = new Date()) {
  const w = rangeWindow(range, now);
  const { rows, split } = await loadWindowHours(db, w, w.unit);
  const [lat, openFailures, active, providers] = await Promise.all([
    latency(db, w, split),
    db.select({ n: count() }).from(syncJobs).where(and(eq(syncJobs.status, "failed"), isNull(syncJobs.resolvedAt))),
    db
      .select({ n: countDistinct(connections.restaurantId) })
      .from(connections)
      .innerJoin(restaurants, eq(restaurants.id, connections.restaurantId))
      .where(and(eq(connections.status, "active"), eq(restaurants.isActive, true))),
    providerMetrics(db, w, rows),
  ]);
  return { ...summarize(w, rows), latencyMs: { p50: lat.p50, p95: lat.p95 }, latencyExact: lat.exact, openFailures: openFailures[0]?.n ?? 0, activeRestaurants: active[0]?.n ?? 0, providers };
}

/** Buckets, today's and the range's totals from hourly rows (pure). */
export function summarize(w: RangeWindow, rows: HourRow[]) {
  const points = new Map<string, SeriesPoint>(w.buckets.map((b) => [b, { bucket: b, orders: 0, synced: 0, failed: 0, revenue: {} }]));
  const todayKey = w.todayStart.toISOString().slice(0, 13) + ":00:00Z";
  const revenueRange = new Map<string, number>();
  const revenueToday = new Map<string, number>();
  let ordersInRange = 0;
  let ordersToday = 0;
  let synced = 0;
  let failed = 0;
  for (const r of rows) {
    if (!r.orders && !r.synced && !r.failed) continue;
    const p = points.get(w.unit === "hour" ? r.bucket : `${r.bucket.slice(0, 10)}T00:00:00Z`);
    if (p) {
      p.orders += r.orders;
      p.synced += r.synced;
      p.failed += r.failed;
      if (r.orders) p.revenue[r.currency] = (p.revenue[r.currency] ?? 0) + r.revenue;
    }
    ordersInRange += r.orders;
    synced += r.synced;
    failed += r.failed;
    if (r.orders) revenueRange.set(r.currency, (revenueRange.get(r.currency) ?? 0) + r.revenue);
    // Hour keys compare as strings; an hour is wholly today or not.
    if (r.bucket >= todayKey && r.orders) {
      ordersToday += r.orders;
      revenueToday.set(r.currency, (revenueToday.get(r.currency) ?? 0) + r.revenue);
    }
  }
  return {
    range: w.range,
    unit: w.unit,
    from: w.from,
    to: w.to,
    timeZone: "UTC" as const,
    ordersToday,
    revenueToday: moneyList(revenueToday),
    ordersInRange,
    revenueInRange: moneyList(revenueRange),
    sync: { synced, failed, successRate: rate(synced, synced + failed) },
    series: [...points.values()],
  };
}

export type PlatformMetrics = Awaited<ReturnType<typeof platformMetrics>>;
