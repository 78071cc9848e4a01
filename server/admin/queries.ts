import { count, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { auditLog, connections, orders, organizations, restaurants, users, webhookEvents } from "~/db/schema";

/** Every restaurant on the platform with its organization and live counts. */
export function listAllRestaurants(db: Db) {
  const orderCount = db
    .select({ restaurantId: orders.restaurantId, n: count().as("order_count") })
    .from(orders)
    .groupBy(orders.restaurantId)
    .as("oc");
  const connCount = db
    .select({
      restaurantId: connections.restaurantId,
      n: sql<number>`count(*) filter (where ${connections.status} <> 'disconnected')`.mapWith(Number).as("conn_count"),
    })
    .from(connections)
    .groupBy(connections.restaurantId)
    .as("cc");
  return db
    .select({
      id: restaurants.id,
      name: restaurants.name,
      currency: restaurants.currency,
      isActive: restaurants.isActive,
      createdAt: restaurants.createdAt,
      organizationName: organizations.name,
      orderCount: sql<number>`coalesce(${orderCount.n}, 0)`.mapWith(Number),
      connectionCount: sql<number>`coalesce(${connCount.n}, 0)`.mapWith(Number),
    })
    .from(restaurants)
    .innerJoin(organizations, eq(organizations.id, restaurants.organizationId))
    .leftJoin(orderCount, eq(orderCount.restaurantId, restaurants.id))
    .leftJoin(connCount, eq(connCount.restaurantId, restaurants.id))
    .orderBy(organizations.name, restaurants.name);
}

/** Audit entries newest first, keyset-paginated. */
export async function listAudit(db: Db, opts: { limit: number; before?: Date }) {
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorType: auditLog.actorType,
      actorEmail: users.email,
      organizationName: organizations.name,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
    .where(opts.before ? lt(auditLog.createdAt, opts.before) : undefined)
    .orderBy(desc(auditLog.createdAt))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return { entries: page, nextCursor: rows.length > opts.limit ? page.at(-1)?.createdAt : undefined };
}

/** Latest inbound webhook calls, without their bodies (those stay in the event detail). */
export function listWebhookEvents(db: Db, opts: { limit: number }) {
  return db
    .select({
      id: webhookEvents.id,
      provider: webhookEvents.provider,
      eventType: webhookEvents.eventType,
      signatureValid: webhookEvents.signatureValid,
      status: webhookEvents.status,
      errorMessage: webhookEvents.errorMessage,
      receivedAt: webhookEvents.receivedAt,
    })
    .from(webhookEvents)
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(opts.limit);
}
