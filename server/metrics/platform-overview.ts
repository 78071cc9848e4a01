import { count, gte, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, orders, organizations, restaurants, syncJobs, webhookEvents } from "~/db/schema";
import { listHeartbeats } from "~/server/jobs/heartbeat";

/** Platform-wide figures for the admin overview, all read live. */
export async function platformOverview(db: Db, now = new Date()) {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [orgs, rests, recentOrders, connsByStatus, syncByStatus, webhooks, heartbeats] = await Promise.all([
    db.select({ n: count() }).from(organizations),
    db.select({ n: count() }).from(restaurants),
    db.select({ n: count() }).from(orders).where(gte(orders.createdAt, since)),
    db.select({ status: connections.status, n: count() }).from(connections).groupBy(connections.status),
    db.select({ status: syncJobs.status, n: count() }).from(syncJobs).where(gte(syncJobs.createdAt, since)).groupBy(syncJobs.status),
    db
      .select({
        total: count(),
        rejected: sql<number>`count(*) filter (where ${webhookEvents.signatureValid} = false)`.mapWith(Number),
      })
      .from(webhookEvents)
      .where(gte(webhookEvents.receivedAt, since)),
    listHeartbeats(db),
  ]);
  const toMap = (rows: { status: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return {
    organizations: orgs[0]?.n ?? 0,
    restaurants: rests[0]?.n ?? 0,
    orders24h: recentOrders[0]?.n ?? 0,
    connectionsByStatus: toMap(connsByStatus) as Record<string, number>,
    syncJobs24hByStatus: toMap(syncByStatus) as Record<string, number>,
    webhooks24h: webhooks[0] ?? { total: 0, rejected: 0 },
    heartbeats,
  };
}
