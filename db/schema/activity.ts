import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { connections } from "./connections";
import { orders } from "./orders";
import { organizations, restaurants, users } from "./tenancy";

export const WEBHOOK_EVENT_STATUSES = [
  "received",
  "processed",
  "failed",
  "ignored",
  "rejected",
  /** Verified, but about an order we do not know: kept for the explorer. */
  "unmatched",
] as const;

/** Every inbound vendor call, stored before it is acknowledged (seed 002 WebhookLogs). */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    provider: text().notNull(),
    connectionId: uuid().references(() => connections.id, { onDelete: "set null" }),
    eventType: text(),
    externalEventId: text(),
    /** provider + vendor event id; a replay hits the unique index and is not processed twice. */
    dedupeKey: text().unique(),
    signatureValid: boolean().notNull(),
    verificationError: text(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    rawBody: text().notNull(),
    status: text({ enum: WEBHOOK_EVENT_STATUSES }).notNull().default("received"),
    errorMessage: text(),
    /** The order the event was about, once matched. */
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    attempts: integer().notNull().default(0),
    /** Processing retries: when a failed event is tried again. */
    nextAttemptAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("webhook_events_provider_received_idx").on(t.provider, t.receivedAt),
    index("webhook_events_status_idx").on(t.status),
  ],
);

export const NOTIFICATION_CHANNELS = ["in_app", "email", "sms", "whatsapp"] as const;
export const NOTIFICATION_STATUSES = ["pending", "sent", "failed"] as const;
export const NOTIFICATION_SEVERITIES = ["info", "warning", "error"] as const;

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    restaurantId: uuid().references(() => restaurants.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    channel: text({ enum: NOTIFICATION_CHANNELS }).notNull().default("in_app"),
    type: text().notNull(),
    severity: text({ enum: NOTIFICATION_SEVERITIES }).notNull().default("info"),
    title: text().notNull(),
    body: text().notNull(),
    /** Recipient for outbound channels (phone or email); null for in-app. */
    recipient: text(),
    status: text({ enum: NOTIFICATION_STATUSES }).notNull().default("pending"),
    retryCount: integer().notNull().default(0),
    /** Delivery queue: when the next send is due, and why the last one failed. */
    nextAttemptAt: timestamp({ withTimezone: true }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_org_created_idx").on(t.organizationId, t.createdAt),
    index("notifications_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorType: text({ enum: ["user", "api_key", "system"] }).notNull(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

/** Marketplace-backend keys: shown once, stored as a SHA-256 hash, scoped to one org. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** First characters of the key, to tell keys apart in the UI. */
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("api_keys_org_idx").on(t.organizationId)],
);

/** Last run of each scheduled job, so admins can see the scheduler is alive. */
export const jobHeartbeats = pgTable("job_heartbeats", {
  name: text().primaryKey(),
  driver: text().notNull(),
  lastRunAt: timestamp({ withTimezone: true }).notNull(),
  runCount: integer().notNull().default(1),
});
