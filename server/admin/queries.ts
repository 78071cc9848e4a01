import { and, count, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
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

export type AuditFilter = {
  limit: number;
  /** Keyset cursor: the last entry of the previous page (createdAt + id). */
  cursor?: { createdAt: Date; id: string };
  /** Exact action, or a prefix ending in "." (e.g. "connection."). */
  action?: string;
  /** Substring of the actor's email, case-insensitive. */
  actor?: string;
  organizationId?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** Free text over action, target, actor email, organization and metadata. */
  q?: string;
};

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Audit entries newest first, filtered, keyset-paginated. */
export async function listAudit(db: Db, opts: AuditFilter) {
  const where = and(
    opts.cursor ? or(lt(auditLog.createdAt, opts.cursor.createdAt), and(eq(auditLog.createdAt, opts.cursor.createdAt), lt(auditLog.id, opts.cursor.id))) : undefined,
    opts.action ? (opts.action.endsWith(".") ? ilike(auditLog.action, `${opts.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : eq(auditLog.action, opts.action)) : undefined,
    opts.actor ? ilike(users.email, like(opts.actor)) : undefined,
    opts.organizationId ? eq(auditLog.organizationId, opts.organizationId) : undefined,
    opts.targetId ? eq(auditLog.targetId, opts.targetId) : undefined,
    opts.from ? gte(auditLog.createdAt, opts.from) : undefined,
    opts.to ? lt(auditLog.createdAt, opts.to) : undefined,
    opts.q
      ? or(
          ilike(auditLog.action, like(opts.q)),
          ilike(auditLog.targetId, like(opts.q)),
          ilike(auditLog.targetType, like(opts.q)),
          ilike(users.email, like(opts.q)),
          ilike(organizations.name, like(opts.q)),
          sql`${auditLog.metadata}::text ilike ${like(opts.q)}`,
        )
      : undefined,
  );
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorType: auditLog.actorType,
      actorEmail: users.email,
      organizationId: auditLog.organizationId,
      organizationName: organizations.name,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return { entries: page, nextCursor: rows.length > opts.limit && last ? { createdAt: last.createdAt, id: last.id } : undefined };
}

/** What the audit filters offer: actions recorded so far and every organization. */
export async function auditFacets(db: Db) {
  const [actions, orgs] = await Promise.all([
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(organizations.name),
  ]);
  return { actions: actions.map((r) => r.action), organizations: orgs };
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
