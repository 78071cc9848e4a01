import {
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
import { connections } from "./connections";
import { organizations, restaurants } from "./tenancy";

/** Lifecycle as the kitchen sees it (seed 002 status mapping); POS sync state lives in sync_jobs. */
export const ORDER_STATUSES = [
  "placed",
  "confirmed",
  "preparing",
  "ready",
  "out_for_delivery",
  "delivered",
  "completed",
  "cancelled",
  "rejected",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_TYPES = ["delivery", "pickup", "dine_in"] as const;

export type OrderModifier = { name: string; price: number; quantity?: number };

/** Money is integer minor units of `currency` (ISO 4217) everywhere. */
export const orders = pgTable(
  "orders",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: "cascade" }),
    connectionId: uuid().references(() => connections.id, { onDelete: "set null" }),
    /** The marketplace's own order id; unique per restaurant so a resend is the same order. */
    externalId: text().notNull(),
    posOrderId: text(),
    status: text({ enum: ORDER_STATUSES }).notNull().default("placed"),
    type: text({ enum: ORDER_TYPES }).notNull(),
    currency: text().notNull(),
    subtotalAmount: integer().notNull(),
    taxAmount: integer().notNull().default(0),
    deliveryFeeAmount: integer().notNull().default(0),
    tipAmount: integer().notNull().default(0),
    discountAmount: integer().notNull().default(0),
    totalAmount: integer().notNull(),
    customerName: text().notNull(),
    customerPhone: text(),
    customerEmail: text(),
    deliveryAddress: jsonb().$type<Record<string, string>>(),
    specialInstructions: text(),
    source: text().notNull().default("marketplace"),
    placedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the POS last told us the status (webhook or poll). */
    posStatusUpdatedAt: timestamp({ withTimezone: true }),
    /** When the status poller (server/polling) last claimed this order; null = never polled. */
    lastPolledAt: timestamp({ withTimezone: true }),
    /** The kitchen's ready/delivery estimate, when the POS gives one. */
    estimatedReadyAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancellationReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_restaurant_external_uq").on(t.restaurantId, t.externalId),
    index("orders_restaurant_status_idx").on(t.restaurantId, t.status),
    index("orders_pos_order_idx").on(t.posOrderId),
    index("orders_created_at_idx").on(t.createdAt),
    index("orders_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    dishId: text(),
    name: text().notNull(),
    quantity: integer().notNull(),
    unitPrice: integer().notNull(),
    totalPrice: integer().notNull(),
    modifiers: jsonb().$type<OrderModifier[]>().notNull().default([]),
    note: text(),
  },
  (t) => [index("order_items_order_idx").on(t.orderId)],
);

export const orderStatusHistory = pgTable(
  "order_status_history",
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: text({ enum: ORDER_STATUSES }),
    toStatus: text({ enum: ORDER_STATUSES }).notNull(),
    /** Who moved it: "marketplace", "square_webhook", "seller:<userId>", "admin:<userId>"… */
    changedBy: text().notNull(),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [index("order_status_history_order_idx").on(t.orderId, t.createdAt)],
);
