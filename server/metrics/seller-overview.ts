import { and, count, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, orders, syncJobs, type OrderStatus } from "~/db/schema";

const CLOSED: OrderStatus[] = ["delivered", "completed", "cancelled", "rejected"];

/** Real figures for one restaurant's overview; null rates when there is nothing to divide. */
export async function sellerOverview(db: Db, restaurantId: string, now = new Date()) {
  const dayStart = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [orderCounts, conns, sync] = await Promise.all([
    db
      .select({
        total: count(),
        last24h: sql<number>`count(*) filter (where ${orders.createdAt} >= ${dayStart})`.mapWith(Number),
        open: sql<number>`count(*) filter (where ${notInArray(orders.status, CLOSED)})`.mapWith(Number),
      })
      .from(orders)
      .where(eq(orders.restaurantId, restaurantId)),
    db
      .select({ status: connections.status, provider: connections.provider, health: connections.health })
      .from(connections)
      .where(and(eq(connections.restaurantId, restaurantId), inArray(connections.status, ["active", "needs_reauth"]))),
    db
      .select({ status: syncJobs.status, n: count() })
      .from(syncJobs)
      .where(and(eq(syncJobs.restaurantId, restaurantId), gte(syncJobs.createdAt, new Date(now.getTime() - 30 * 864e5))))
      .groupBy(syncJobs.status),
  ]);
  const by = Object.fromEntries(sync.map((r) => [r.status, r.n])) as Record<string, number>;
  const success = by.success ?? 0;
  const failed = by.failed ?? 0;
  const finished = success + failed;
  return {
    orders: orderCounts[0] ?? { total: 0, last24h: 0, open: 0 },
    connections: conns,
    sync: {
      total: Object.values(by).reduce((a, b) => a + b, 0),
      success,
      failed,
      pendingRetries: (by.retry ?? 0) + (by.pending ?? 0),
      successRate: finished ? Math.round((success / finished) * 1000) / 10 : null,
    },
  };
}
