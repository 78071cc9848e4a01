import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations, restaurants, users } from "./tenancy";

export const CONNECTION_STATUSES = ["active", "needs_reauth", "disconnected"] as const;
export const CONNECTION_HEALTH = ["online", "degraded", "offline"] as const;
export const CIRCUIT_STATES = ["closed", "open", "half_open"] as const;

/**
 * A restaurant's link to one provider (seed 000 restaurant_pos_connections, seed 001
 * pos_integrations, seed 002 restaurant_pos_integrations). Credentials are only ever
 * stored as vault ciphertext with the id of the key that sealed them.
 */
export const connections = pgTable(
  "connections",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: "cascade" }),
    provider: text().notNull(),
    status: text({ enum: CONNECTION_STATUSES }).notNull().default("active"),
    health: text({ enum: CONNECTION_HEALTH }).notNull().default("online"),
    /** Last scheduled health check, and when `health` last changed (alerts fire on changes only). */
    healthCheckedAt: timestamp({ withTimezone: true }),
    healthChangedAt: timestamp({ withTimezone: true }),
    externalLocationId: text(),
    externalMerchantId: text(),
    credentialsCiphertext: text(),
    credentialsKeyId: text(),
    tokenExpiresAt: timestamp({ withTimezone: true }),
    /** Restaurant overrides, validated by the provider's config schema. */
    config: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    autoSyncOrders: boolean().notNull().default(true),
    syncCustomerInfo: boolean().notNull().default(true),
    circuitState: text({ enum: CIRCUIT_STATES }).notNull().default("closed"),
    circuitOpenedAt: timestamp({ withTimezone: true }),
    consecutiveFailures: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    lastError: text(),
    lastSyncAt: timestamp({ withTimezone: true }),
    disconnectedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("connections_org_idx").on(t.organizationId),
    // One live connection per restaurant and provider; disconnected rows stay as history.
    uniqueIndex("connections_live_uq")
      .on(t.restaurantId, t.provider)
      .where(sql`${t.status} <> 'disconnected'`),
  ],
);

/** Platform-level app credentials and global config per provider (seed 002 pos_providers). */
export const providerSettings = pgTable("provider_settings", {
  provider: text().primaryKey(),
  enabled: boolean().notNull().default(true),
  credentialsCiphertext: text(),
  credentialsKeyId: text(),
  globalConfig: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

/** Several secrets may be valid at once during a rotation window (seed 002). */
export const webhookSecrets = pgTable(
  "webhook_secrets",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    secretCiphertext: text().notNull(),
    secretKeyId: text().notNull(),
    isActive: boolean().notNull().default(true),
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_secrets_connection_idx").on(t.connectionId)],
);

/**
 * A pending "Connect <provider>" in the browser. The state sent to the vendor is random and
 * only its hash is stored; the callback consumes the row once (single use, short-lived).
 */
export const oauthStates = pgTable(
  "oauth_states",
  {
    id: id(),
    stateHash: text().notNull().unique(),
    provider: text().notNull(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
);
