import { and, count, eq, gte, inArray, lt, sql, type SQLWrapper } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client";
import { connectionHealthSamples, metricsHourly, metricsLatencyHourly, metricsRollupState, orders, pollRuns, syncJobs, webhookEvents } from "~/db/schema";
import { providerIds } from "~/server/integrations/registry";
import { bucketSql } from "./range";

/** One UTC hour × provider × currency of the admin metrics; the shape of a `metrics_hourly` row. */
export type HourRow = {
  bucket: string;
  provider: string;
  currency: string;
  orders: number;
  revenue: number;
  synced: number;
  failed: number;
  healthSamples: number;
  healthOnline: number;
  webhooksTotal: number;
  webhooksProcessed: number;
  webhooksFailed: number;
  polled: number;
  pollsSucceeded: number;
};
export type LatencyBin = { bucket: string; provider: string; bin: number; n: number };

const ZERO = { orders: 0, revenue: 0, synced: 0, failed: 0, healthSamples: 0, healthOnline: 0, webhooksTotal: 0, webhooksProcessed: 0, webhooksFailed: 0, polled: 0, pollsSucceeded: 0 };
const num = (v: unknown) => Number(v ?? 0);

/** Latency histogram bins: log-spaced, each 5 % wide, so a percentile read from them is within ±2.5 %. */
const BIN_BASE = 1.05;
export const latencyBinSql = (ms: ReturnType<typeof sql>) => sql<number>`floor(ln(greatest(${ms}, 1)) / ln(${sql.raw(String(BIN_BASE))}))::int`;
/** The value a bin stands for: its geometric middle. */
export const binValue = (bin: number) => Math.round(BIN_BASE ** (bin + 0.5));

/** Order → POS latency of a successful push: placed until the job completed. */
export const latencyMsSql = sql`extract(epoch from (${syncJobs.completedAt} - ${orders.placedAt})) * 1000`;

/**
 * Every figure of [from, to) per hour, provider and currency, read from the source tables. Used
 * for the live tail of a range and to fill the rollup. Orders are placed in the hour they reached
 * us (`created_at`) with the provider their push went to ('' when there was no POS).
 */
export async function liveHourly(db: DbOrTx, from: Date, to: Date): Promise<HourRow[]> {
  const ob = bucketSql("hour", orders.createdAt);
  const hb = bucketSql("hour", connectionHealthSamples.checkedAt);
  const wb = bucketSql("hour", webhookEvents.receivedAt);
  const pb = bucketSql("hour", pollRuns.startedAt);
  const provider = sql<string>`coalesce(${syncJobs.provider}, '')`;
  // Installed providers only (the overview lists no other): lets the (provider, time) indexes serve a time range.
  const known = [...providerIds];
  const [ord, health, hooks, polls] = await Promise.all([
    db
      .select({
        bucket: ob,
        provider,
        currency: orders.currency,
        orders: count(),
        revenue: sql<number>`coalesce(sum(${orders.totalAmount}), 0)`.mapWith(Number),
        synced: sql<number>`count(*) filter (where ${syncJobs.status} = 'success')`.mapWith(Number),
        failed: sql<number>`count(*) filter (where ${syncJobs.status} = 'failed')`.mapWith(Number),
      })
      .from(orders)
      .leftJoin(syncJobs, eq(syncJobs.orderId, orders.id))
      .where(and(gte(orders.createdAt, from), lt(orders.createdAt, to)))
      .groupBy(ob, provider, orders.currency),
    db
      .select({
        bucket: hb,
        provider: connectionHealthSamples.provider,
        healthSamples: count(),
        healthOnline: sql<number>`count(*) filter (where ${connectionHealthSamples.status} = 'online')`.mapWith(Number),
      })
      .from(connectionHealthSamples)
      .where(and(inArray(connectionHealthSamples.provider, known), gte(connectionHealthSamples.checkedAt, from), lt(connectionHealthSamples.checkedAt, to)))
      .groupBy(hb, connectionHealthSamples.provider),
    db
      .select({
        bucket: wb,
        provider: webhookEvents.provider,
        webhooksTotal: count(),
        webhooksProcessed: sql<number>`count(*) filter (where ${webhookEvents.status} = 'processed')`.mapWith(Number),
        webhooksFailed: sql<number>`count(*) filter (where ${webhookEvents.status} in ('failed', 'rejected'))`.mapWith(Number),
      })
      .from(webhookEvents)
      .where(and(inArray(webhookEvents.provider, known), gte(webhookEvents.receivedAt, from), lt(webhookEvents.receivedAt, to)))
      .groupBy(wb, webhookEvents.provider),
    db
      .select({
        bucket: pb,
        provider: pollRuns.provider,
        polled: sql<number>`coalesce(sum(${pollRuns.polled}), 0)`.mapWith(Number),
        pollsSucceeded: sql<number>`coalesce(sum(${pollRuns.succeeded}), 0)`.mapWith(Number),
      })
      .from(pollRuns)
      .where(and(inArray(pollRuns.provider, known), gte(pollRuns.startedAt, from), lt(pollRuns.startedAt, to)))
      .groupBy(pb, pollRuns.provider),
  ]);
  const out = new Map<string, HourRow>();
  const merge = (r: { bucket: string; provider: string; currency?: string } & Partial<HourRow>) => {
    const key = `${r.bucket}|${r.provider}|${r.currency ?? ""}`;
    const row = out.get(key) ?? { bucket: r.bucket, provider: r.provider, currency: r.currency ?? "", ...ZERO };
    for (const k of Object.keys(ZERO) as (keyof typeof ZERO)[]) if (r[k] !== undefined) row[k] += num(r[k]);
    out.set(key, row);
  };
  [...ord, ...health, ...hooks, ...polls].forEach(merge);
  return [...out.values()];
}

/** Latency histogram of successful pushes of orders received in [from, to), per hour and provider. */
export function liveLatencyBins(db: DbOrTx, from: Date, to: Date): Promise<LatencyBin[]> {
  const ob = bucketSql("hour", orders.createdAt);
  const bin = latencyBinSql(latencyMsSql);
  // Platform-wide only (provider ''): the overview shows no per-provider latency, and a third of
  // the rows keeps the 30-day read fast. The column leaves room for a per-provider split.
  return db
    .select({ bucket: ob, provider: sql<string>`''`, bin, n: count() })
    .from(orders)
    .innerJoin(syncJobs, eq(syncJobs.orderId, orders.id))
    .where(and(gte(orders.createdAt, from), lt(orders.createdAt, to), eq(syncJobs.status, "success"), sql`${syncJobs.completedAt} is not null`))
    .groupBy(ob, bin);
}

/** Where the rollup ends (every hour before it is rolled up), or null before the first refresh. */
export async function rolledUntil(db: DbOrTx) {
  const [row] = await db.select({ at: metricsRollupState.rolledUntil }).from(metricsRollupState).where(eq(metricsRollupState.name, "hourly"));
  return row?.at ?? null;
}

/**
 * Rolled-up rows of [from, to), summed in SQL per hour, per UTC day (for daily charts: 24× fewer
 * rows) or per provider and currency only ("none", bucket ''), so a 30-day read moves a few hundred rows.
 */
export async function rolledHourly(db: DbOrTx, from: Date, to: Date, group: "hour" | "day" | "none" = "hour"): Promise<HourRow[]> {
  if (from >= to) return [];
  const h = metricsHourly;
  const bucket = group === "none" ? sql<string>`''` : bucketSql(group, h.bucket);
  const s = (c: SQLWrapper) => sql<number>`sum(${c})`.mapWith(Number);
  return db
    .select({
      bucket,
      provider: h.provider,
      currency: h.currency,
      orders: s(h.orders),
      revenue: s(h.revenue),
      synced: s(h.synced),
      failed: s(h.failed),
      healthSamples: s(h.healthSamples),
      healthOnline: s(h.healthOnline),
      webhooksTotal: s(h.webhooksTotal),
      webhooksProcessed: s(h.webhooksProcessed),
      webhooksFailed: s(h.webhooksFailed),
      polled: s(h.polled),
      pollsSucceeded: s(h.pollsSucceeded),
    })
    .from(h)
    .where(and(gte(h.bucket, from), lt(h.bucket, to)))
    // Postgres refuses a constant in GROUP BY: without buckets, group by provider and currency only.
    .groupBy(...(group === "none" ? [] : [bucket]), h.provider, h.currency);
}

export async function rolledLatencyBins(db: DbOrTx, from: Date, to: Date): Promise<LatencyBin[]> {
  if (from >= to) return [];
  const rows = await db
    .select({ bin: metricsLatencyHourly.bin, n: sql<number>`sum(${metricsLatencyHourly.n})`.mapWith(Number) })
    .from(metricsLatencyHourly)
    .where(and(gte(metricsLatencyHourly.bucket, from), lt(metricsLatencyHourly.bucket, to)))
    .groupBy(metricsLatencyHourly.bin);
  return rows.map((r) => ({ ...r, bucket: "", provider: "" }));
}

/** p-th percentile (0..1) of a histogram, interpolated between ranks as percentile_cont does. */
export function histogramPercentile(bins: { bin: number; n: number }[], p: number): number | null {
  const merged = new Map<number, number>();
  for (const b of bins) merged.set(b.bin, (merged.get(b.bin) ?? 0) + b.n);
  const sorted = [...merged].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (!total) return null;
  /** The value at 0-based rank k: the middle of the bin holding it. */
  const at = (k: number) => {
    let seen = 0;
    for (const [bin, n] of sorted) {
      seen += n;
      if (k < seen) return binValue(bin);
    }
    return binValue(sorted.at(-1)![0]);
  };
  const pos = p * (total - 1);
  const lo = Math.floor(pos);
  return Math.round(at(lo) + (at(Math.ceil(pos)) - at(lo)) * (pos - lo));
}

/**
 * The window's hourly rows: complete hours from the rollup, the rest (normally the current hour
 * and anything the last refresh has not reached) live from the source tables.
 */
export async function loadWindowHours(db: Db, w: { from: Date; to: Date }, group: "hour" | "day" | "none" = "hour") {
  const until = await rolledUntil(db);
  const split = new Date(Math.min(Math.max((until ?? w.from).getTime(), w.from.getTime()), w.to.getTime()));
  const [rolled, live] = await Promise.all([rolledHourly(db, w.from, split, group), liveHourly(db, split, w.to)]);
  return { rows: [...rolled, ...live], split };
}

