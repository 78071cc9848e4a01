import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { connections } from "./connections";

/**
 * One row per connection per poll run (server/polling): how many status polls were made and
 * how many succeeded or failed, for the admin metrics (seed 000 "pollingSuccess").
 */
export const pollRuns = pgTable(
  "poll_runs",
  {
    id: id(),
    provider: text().notNull(),
    connectionId: uuid().references(() => connections.id, { onDelete: "set null" }),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull().default(0),
    polled: integer().notNull().default(0),
    succeeded: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    /** Polls whose status was applied (a real change). */
    changed: integer().notNull().default(0),
    /** Why the run stopped early for this connection (auth, rate_limited, circuit_open). */
    stoppedReason: text(),
    lastError: text(),
  },
  (t) => [index("poll_runs_provider_started_idx").on(t.provider, t.startedAt), index("poll_runs_connection_idx").on(t.connectionId)],
);
