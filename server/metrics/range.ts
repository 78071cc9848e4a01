import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";

/**
 * Time ranges of the admin metrics. Every bucket is in the platform time zone, UTC: hourly
 * buckets for 24 h, daily (UTC midnight to midnight) for 7 and 30 days. The window ends with the
 * bucket holding `now` (partial), so "24 h" is the current hour and the 23 before it.
 */
export const METRICS_RANGES = ["24h", "7d", "30d"] as const;
export type MetricsRange = (typeof METRICS_RANGES)[number];
export const metricsRangeSchema = z.enum(METRICS_RANGES);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPEC: Record<MetricsRange, { unit: "hour" | "day"; count: number }> = {
  "24h": { unit: "hour", count: 24 },
  "7d": { unit: "day", count: 7 },
  "30d": { unit: "day", count: 30 },
};

export type RangeWindow = { range: MetricsRange; unit: "hour" | "day"; from: Date; to: Date; buckets: string[]; todayStart: Date };

/** UTC midnight of the day holding `d`. */
export const utcDayStart = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY);

/** The bucket key SQL produces for a timestamp (see `bucketSql`): ISO, UTC, to the bucket start. */
export const bucketKey = (d: Date) => d.toISOString().slice(0, 13) + ":00:00Z";

export function rangeWindow(range: MetricsRange, now = new Date()): RangeWindow {
  const { unit, count } = SPEC[range];
  const size = unit === "hour" ? HOUR : DAY;
  const last = Math.floor(now.getTime() / size) * size;
  const from = new Date(last - (count - 1) * size);
  const buckets = Array.from({ length: count }, (_, i) => bucketKey(new Date(from.getTime() + i * size)));
  // Up to and including `now`: the last bucket is partial, and nothing later (clock skew, tests) counts.
  return { range, unit, from, to: new Date(Math.min(last + size, now.getTime() + 1)), buckets, todayStart: utcDayStart(now) };
}

/** SQL truncating a timestamptz to the window's bucket in UTC, formatted exactly as `bucketKey`. */
export const bucketSql = (unit: "hour" | "day", column: SQLWrapper): SQL<string> =>
  sql<string>`to_char(date_trunc(${sql.raw(`'${unit}'`)}, ${column} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24":00:00Z"')`;
