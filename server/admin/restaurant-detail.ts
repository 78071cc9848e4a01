/**
 * One restaurant as an admin sees it: its POS connections (health, 24 h and 7 d uptime,
 * circuit breaker, last check), recent orders, sync attempts, webhook calls and menu sync runs.
 * Secrets never leave the connection row: only the fields below are selected.
 */
import { count, desc, eq, and, inArray, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, menuSyncRuns, orders, organizations, restaurants, syncAttempts, syncJobs, webhookEvents } from "~/db/schema";
import { uptimeByConnection } from "~/server/monitoring/uptime";
import { posName } from "./failures";

const RECENT = 20;

export async function restaurantDetail(db: Db, restaurantId: string, now = new Date()) {
  const [restaurant] = await db
    .select({ id: restaurants.id, name: restaurants.name, currency: restaurants.currency, isActive: restaurants.isActive, createdAt: restaurants.createdAt, organizationName: organizations.name })
    .from(restaurants)
    .innerJoin(organizations, eq(organizations.id, restaurants.organizationId))
    .where(eq(restaurants.id, restaurantId));
  if (!restaurant) return null;
  const conns = await db
    .select({
      id: connections.id,
      provider: connections.provider,
      status: connections.status,
      health: connections.health,
      healthCheckedAt: connections.healthCheckedAt,
      healthChangedAt: connections.healthChangedAt,
      circuitState: connections.circuitState,
      circuitOpenedAt: connections.circuitOpenedAt,
      consecutiveFailures: connections.consecutiveFailures,
      errorCount: connections.errorCount,
      lastError: connections.lastError,
      lastSyncAt: connections.lastSyncAt,
      createdAt: connections.createdAt,
    })
    .from(connections)
    .where(eq(connections.restaurantId, restaurantId))
    .orderBy(connections.status, desc(connections.createdAt));
  const ids = conns.map((c) => c.id);
  const [day, week, recentOrders, attempts, webhooks, menuRuns, [failures]] = await Promise.all([
    uptimeByConnection(db, ids, { now }),
    uptimeByConnection(db, ids, { now, windowMs: 7 * 86_400_000 }),
    db
      .select({ id: orders.id, externalId: orders.externalId, status: orders.status, totalAmount: orders.totalAmount, currency: orders.currency, placedAt: orders.placedAt, syncStatus: syncJobs.status })
      .from(orders)
      .leftJoin(syncJobs, eq(syncJobs.orderId, orders.id))
      .where(eq(orders.restaurantId, restaurantId))
      .orderBy(desc(orders.placedAt))
      .limit(RECENT),
    db
      .select({
        id: syncAttempts.id,
        orderId: syncJobs.orderId,
        externalId: orders.externalId,
        attemptNumber: syncAttempts.attemptNumber,
        startedAt: syncAttempts.startedAt,
        durationMs: syncAttempts.durationMs,
        outcome: syncAttempts.outcome,
        httpStatus: syncAttempts.httpStatus,
        errorClass: syncAttempts.errorClass,
        errorMessage: syncAttempts.errorMessage,
      })
      .from(syncAttempts)
      .innerJoin(syncJobs, eq(syncJobs.id, syncAttempts.jobId))
      .innerJoin(orders, eq(orders.id, syncJobs.orderId))
      .where(eq(syncJobs.restaurantId, restaurantId))
      .orderBy(desc(syncAttempts.startedAt))
      .limit(RECENT),
    ids.length
      ? db
          .select({ id: webhookEvents.id, provider: webhookEvents.provider, eventType: webhookEvents.eventType, status: webhookEvents.status, signatureValid: webhookEvents.signatureValid, receivedAt: webhookEvents.receivedAt })
          .from(webhookEvents)
          .where(inArray(webhookEvents.connectionId, ids))
          .orderBy(desc(webhookEvents.receivedAt))
          .limit(RECENT)
      : Promise.resolve([]),
    db
      .select({ id: menuSyncRuns.id, trigger: menuSyncRuns.trigger, status: menuSyncRuns.status, itemsSynced: menuSyncRuns.itemsSynced, errorMessage: menuSyncRuns.errorMessage, startedAt: menuSyncRuns.startedAt, durationMs: menuSyncRuns.durationMs })
      .from(menuSyncRuns)
      .where(eq(menuSyncRuns.restaurantId, restaurantId))
      .orderBy(desc(menuSyncRuns.startedAt))
      .limit(RECENT),
    db.select({ n: count() }).from(syncJobs).where(and(eq(syncJobs.restaurantId, restaurantId), eq(syncJobs.status, "failed"), isNull(syncJobs.resolvedAt))),
  ]);
  return {
    restaurant,
    openFailures: failures?.n ?? 0,
    connections: conns.map((c) => ({ ...c, providerName: posName(c.provider), uptime24h: day.get(c.id)?.uptime ?? null, uptime7d: week.get(c.id)?.uptime ?? null, samples24h: day.get(c.id) ?? null })),
    orders: recentOrders,
    attempts,
    webhooks,
    menuRuns,
  };
}
