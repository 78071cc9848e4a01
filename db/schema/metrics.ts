import { bigint, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Hourly rollup of the admin metrics (server/metrics/rollup.ts), per UTC hour, provider ('' =
 * none) and currency ('' for rows that are not about orders). Complete hours only; the hours
 * after `metrics_rollup_state.rolled_until` are always computed live.
 */
export const metricsHourly = pgTable(
  "metrics_hourly",
  {
    bucket: timestamp({ withTimezone: true }).notNull(),
    provider: text().notNull().default(""),
    currency: text().notNull().default(""),
    orders: integer().notNull().default(0),
    revenue: bigint({ mode: "number" }).notNull().default(0),
    synced: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    healthSamples: integer().notNull().default(0),
    healthOnline: integer().notNull().default(0),
    webhooksTotal: integer().notNull().default(0),
    webhooksProcessed: integer().notNull().default(0),
    webhooksFailed: integer().notNull().default(0),
    polled: integer().notNull().default(0),
    pollsSucceeded: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.provider, t.currency] })],
);

/** Order → POS latency histogram per hour (provider '' = all): log-spaced bins, 5 % wide. */
export const metricsLatencyHourly = pgTable(
  "metrics_latency_hourly",
  {
    bucket: timestamp({ withTimezone: true }).notNull(),
    provider: text().notNull().default(""),
    bin: smallint().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.provider, t.bin] })],
);

/** How far the rollup is complete: every hour before `rolledUntil` is in the tables above. */
export const metricsRollupState = pgTable("metrics_rollup_state", {
  name: text().primaryKey(),
  rolledUntil: timestamp({ withTimezone: true }).notNull(),
  refreshedAt: timestamp({ withTimezone: true }).notNull(),
});
