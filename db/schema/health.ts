import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { CONNECTION_HEALTH, connections } from "./connections";

/**
 * One row per scheduled health check of a connection (seed 000 monitorRestaurantPOSHealth):
 * what the adapter's healthCheck said and the state we derived. Uptime is computed from these.
 */
export const connectionHealthSamples = pgTable(
  "connection_health_samples",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    provider: text().notNull(),
    checkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ok: boolean().notNull(),
    latencyMs: integer().notNull(),
    status: text({ enum: CONNECTION_HEALTH }).notNull(),
    detail: text(),
  },
  (t) => [
    index("health_samples_connection_checked_idx").on(t.connectionId, t.checkedAt),
    index("health_samples_provider_checked_idx").on(t.provider, t.checkedAt),
  ],
);
