import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { connections } from "./connections";
import { orders } from "./orders";
import { organizations, restaurants, users } from "./tenancy";

/** Seed 001 states: pending → syncing → retry → success | failed. */
export const SYNC_JOB_STATUSES = ["pending", "syncing", "retry", "success", "failed"] as const;
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number];
export const SYNC_ATTEMPT_OUTCOMES = ["success", "retry", "failed", "needs_reauth"] as const;

/** The order-push outbox: written in the same transaction as the order. */
export const syncJobs = pgTable(
  "sync_jobs",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: "cascade" }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    connectionId: uuid().references(() => connections.id, { onDelete: "set null" }),
    provider: text(),
    status: text({ enum: SYNC_JOB_STATUSES }).notNull().default("pending"),
    /** Derived from the order so every retry reuses it and the POS dedupes. */
    idempotencyKey: text().notNull().unique(),
    retryCount: integer().notNull().default(0),
    maxRetries: integer().notNull(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp({ withTimezone: true }),
    posOrderId: text(),
    lastErrorClass: text(),
    lastErrorMessage: text(),
    completedAt: timestamp({ withTimezone: true }),
    /** Admin triage: a failure marked resolved (with a note) leaves the open-failures list. */
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolutionNote: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("sync_jobs_due_idx").on(t.status, t.nextAttemptAt),
    // Triage groups open failures by provider and error class.
    index("sync_jobs_open_failures_idx").on(t.provider, t.lastErrorClass).where(sql`${t.status} = 'failed' and ${t.resolvedAt} is null`),
    index("sync_jobs_restaurant_created_idx").on(t.restaurantId, t.createdAt),
    index("sync_jobs_order_idx").on(t.orderId),
  ],
);

export const syncAttempts = pgTable(
  "sync_attempts",
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => syncJobs.id, { onDelete: "cascade" }),
    attemptNumber: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull(),
    outcome: text({ enum: SYNC_ATTEMPT_OUTCOMES }).notNull(),
    httpStatus: integer(),
    errorClass: text(),
    errorMessage: text(),
    /** What was sent, minus anything secret: counts, totals, idempotency key. */
    requestSummary: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("sync_attempts_job_idx").on(t.jobId, t.attemptNumber), index("sync_attempts_started_idx").on(t.startedAt)],
);
