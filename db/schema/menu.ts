import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { connections } from "./connections";
import { organizations, restaurants, users } from "./tenancy";

/**
 * The normalized menu (seed 002 "Menu Schema (with external_id mappings)", seed 000
 * normalizeMenuFormat). Every row belongs to the connection whose POS owns it — one restaurant
 * may have several connections — and carries that POS's `external_id`, unique per connection.
 * Money is integer minor units of `currency`. Rows the POS stops sending are soft-removed
 * (`removed_at`), never deleted, so order history and mappings keep pointing at them.
 * `content_hash` is the hash of the normalized fields a sync compares: an unchanged row is
 * never rewritten.
 */
const tenancy = () => ({
  organizationId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  restaurantId: uuid()
    .notNull()
    .references(() => restaurants.id, { onDelete: "cascade" }),
  connectionId: uuid()
    .notNull()
    .references(() => connections.id, { onDelete: "cascade" }),
});

/** Sold-out state shared by items, variations and modifiers (86 / snooze). */
const availability = () => ({
  /** The POS's or the seller's word; `false` with `snoozed_until` = back on at that time. */
  available: boolean().notNull().default(true),
  /** Null with available=false means "until turned back on". */
  snoozedUntil: timestamp({ withTimezone: true }),
  availabilityUpdatedAt: timestamp({ withTimezone: true }),
});

const syncState = () => ({
  sortOrder: integer().notNull().default(0),
  contentHash: text().notNull(),
  removedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const menuCategories = pgTable(
  "menu_categories",
  {
    id: id(),
    ...tenancy(),
    externalId: text().notNull(),
    name: text().notNull(),
    ...syncState(),
  },
  (t) => [
    uniqueIndex("menu_categories_conn_ext_uq").on(t.connectionId, t.externalId),
    index("menu_categories_restaurant_idx").on(t.restaurantId),
  ],
);

export const menuItems = pgTable(
  "menu_items",
  {
    id: id(),
    ...tenancy(),
    categoryId: uuid().references(() => menuCategories.id, { onDelete: "set null" }),
    externalId: text().notNull(),
    name: text().notNull(),
    description: text(),
    /** Null = priced by its variations or at sale time (Square VARIABLE_PRICING). */
    priceAmount: integer(),
    currency: text().notNull(),
    imageUrl: text(),
    ...availability(),
    ...syncState(),
  },
  (t) => [
    uniqueIndex("menu_items_conn_ext_uq").on(t.connectionId, t.externalId),
    index("menu_items_restaurant_idx").on(t.restaurantId),
    index("menu_items_category_idx").on(t.categoryId),
    // The snooze-expiry job scans only rows with a pending snooze.
    index("menu_items_snooze_idx").on(t.snoozedUntil).where(sql`${t.snoozedUntil} is not null`),
  ],
);

export const itemVariations = pgTable(
  "item_variations",
  {
    id: id(),
    ...tenancy(),
    itemId: uuid()
      .notNull()
      .references(() => menuItems.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    /**
     * A second vendor id an order line must carry with `external_id`: PetPooja orders a
     * variation by its row `id` plus the `variationid` of its type [ref §2.3 "Order→menu mapping"].
     */
    posRef: text(),
    name: text().notNull(),
    priceAmount: integer(),
    ...availability(),
    ...syncState(),
  },
  (t) => [
    uniqueIndex("item_variations_conn_ext_uq").on(t.connectionId, t.externalId),
    index("item_variations_item_idx").on(t.itemId),
    index("item_variations_snooze_idx").on(t.snoozedUntil).where(sql`${t.snoozedUntil} is not null`),
  ],
);

/** Seed 002 AddOnGroups; Square MODIFIER_LIST. */
export const modifierGroups = pgTable(
  "modifier_groups",
  {
    id: id(),
    ...tenancy(),
    externalId: text().notNull(),
    name: text().notNull(),
    minSelect: integer().notNull().default(0),
    /** Null = no upper limit. */
    maxSelect: integer(),
    ...syncState(),
  },
  (t) => [
    uniqueIndex("modifier_groups_conn_ext_uq").on(t.connectionId, t.externalId),
    index("modifier_groups_restaurant_idx").on(t.restaurantId),
  ],
);

/** Seed 002 AddOnItems; Square MODIFIER. */
export const modifiers = pgTable(
  "modifiers",
  {
    id: id(),
    ...tenancy(),
    groupId: uuid()
      .notNull()
      .references(() => modifierGroups.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    name: text().notNull(),
    priceAmount: integer().notNull().default(0),
    ...availability(),
    ...syncState(),
  },
  (t) => [
    uniqueIndex("modifiers_conn_ext_uq").on(t.connectionId, t.externalId),
    index("modifiers_group_idx").on(t.groupId),
    index("modifiers_snooze_idx").on(t.snoozedUntil).where(sql`${t.snoozedUntil} is not null`),
  ],
);

/** Which modifier groups an item offers, in the POS's order. */
export const menuItemModifierGroups = pgTable(
  "menu_item_modifier_groups",
  {
    itemId: uuid()
      .notNull()
      .references(() => menuItems.id, { onDelete: "cascade" }),
    groupId: uuid()
      .notNull()
      .references(() => modifierGroups.id, { onDelete: "cascade" }),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.groupId] }), index("menu_item_modifier_groups_group_idx").on(t.groupId)],
);

export const MENU_SYNC_TYPES = ["full", "partial"] as const;
export const MENU_SYNC_TRIGGERS = ["initial", "manual", "webhook", "nightly"] as const;
export const MENU_SYNC_STATUSES = ["running", "success", "partial", "failed"] as const;
export type MenuSyncStatus = (typeof MENU_SYNC_STATUSES)[number];
/** One reported row problem: the row is skipped, the rest of the menu syncs. */
export type MenuSyncError = { kind: string; externalId?: string; message: string };

/** Seed 002 MenuSyncHistory: one row per sync run. */
export const menuSyncRuns = pgTable(
  "menu_sync_runs",
  {
    id: id(),
    ...tenancy(),
    type: text({ enum: MENU_SYNC_TYPES }).notNull().default("full"),
    trigger: text({ enum: MENU_SYNC_TRIGGERS }).notNull(),
    status: text({ enum: MENU_SYNC_STATUSES }).notNull().default("running"),
    /** Rows the POS sent (all kinds), and what the diff did with them. */
    fetchedCount: integer().notNull().default(0),
    createdCount: integer().notNull().default(0),
    updatedCount: integer().notNull().default(0),
    removedCount: integer().notNull().default(0),
    unchangedCount: integer().notNull().default(0),
    categoriesSynced: integer().notNull().default(0),
    itemsSynced: integer().notNull().default(0),
    errors: jsonb().$type<MenuSyncError[]>().notNull().default([]),
    /** Why a failed run failed (error class from server/errors.ts, e.g. needs_reauth). */
    errorCode: text(),
    errorMessage: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
    durationMs: integer(),
  },
  (t) => [
    index("menu_sync_runs_restaurant_started_idx").on(t.restaurantId, t.startedAt),
    index("menu_sync_runs_connection_started_idx").on(t.connectionId, t.startedAt),
    index("menu_sync_runs_status_idx").on(t.status),
  ],
);

export const AVAILABILITY_TARGETS = ["item", "variation", "modifier"] as const;
export const AVAILABILITY_SOURCES = ["seller", "webhook", "menu_sync", "snooze_expiry", "api"] as const;

/**
 * Every availability change, from whoever made it: when it was received, when our menu showed
 * it, and whether (and when) it reached the POS.
 */
export const availabilityChanges = pgTable(
  "availability_changes",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: "cascade" }),
    connectionId: uuid().references(() => connections.id, { onDelete: "set null" }),
    targetType: text({ enum: AVAILABILITY_TARGETS }).notNull(),
    targetId: uuid().notNull(),
    available: boolean().notNull(),
    snoozedUntil: timestamp({ withTimezone: true }),
    source: text({ enum: AVAILABILITY_SOURCES }).notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    appliedAt: timestamp({ withTimezone: true }),
    /** Null = not pushed (the POS told us, or the adapter cannot set availability). */
    pushedAt: timestamp({ withTimezone: true }),
    pushError: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("availability_changes_restaurant_idx").on(t.restaurantId, t.receivedAt),
    index("availability_changes_target_idx").on(t.targetId),
  ],
);

/**
 * The marketplace's dishes (seed 001 "Item Mapping"), as the marketplace backend sends them
 * (`PUT /api/v1/restaurants/:id/dishes`) and as orders reveal them.
 */
export const dishes = pgTable(
  "dishes",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: "cascade" }),
    /** The marketplace's dish id (order lines' `dish_id`). */
    externalId: text().notNull(),
    name: text().notNull(),
    priceAmount: integer(),
    currency: text(),
    /** A POS item id the marketplace already knows for this dish (exact-match hint). */
    posItemRef: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("dishes_restaurant_ext_uq").on(t.restaurantId, t.externalId)],
);

export const MAPPING_METHODS = ["external_id", "name_price", "name", "manual"] as const;
export const MAPPING_STATUSES = ["suggested", "confirmed", "rejected"] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];

/** Dish → POS item (and variation) per connection, with how sure the matcher was. */
export const itemMappings = pgTable(
  "item_mappings",
  {
    id: id(),
    ...tenancy(),
    dishId: uuid()
      .notNull()
      .references(() => dishes.id, { onDelete: "cascade" }),
    menuItemId: uuid()
      .notNull()
      .references(() => menuItems.id, { onDelete: "cascade" }),
    variationId: uuid().references(() => itemVariations.id, { onDelete: "cascade" }),
    /** 0..1; confirmed mappings are 1. */
    confidence: real().notNull(),
    method: text({ enum: MAPPING_METHODS }).notNull(),
    status: text({ enum: MAPPING_STATUSES }).notNull().default("suggested"),
    confirmedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("item_mappings_conn_dish_uq").on(t.connectionId, t.dishId),
    index("item_mappings_restaurant_idx").on(t.restaurantId),
    index("item_mappings_item_idx").on(t.menuItemId),
  ],
);
