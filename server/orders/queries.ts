import { and, count, desc, eq, lt } from "drizzle-orm";
import type { Db } from "~/db/client";
import { orders } from "~/db/schema";

/**
 * A restaurant's orders, newest first, keyset-paginated on created_at so pages stay stable
 * while new orders arrive. Callers pass an already tenancy-checked restaurant id.
 */
export async function listRestaurantOrders(
  db: Db,
  restaurantId: string,
  opts: { limit: number; before?: Date },
) {
  const rows = await db.query.orders.findMany({
    where: and(
      eq(orders.restaurantId, restaurantId),
      opts.before ? lt(orders.createdAt, opts.before) : undefined,
    ),
    orderBy: desc(orders.createdAt),
    limit: opts.limit + 1,
    with: {
      items: { columns: { id: true, name: true, quantity: true } },
      syncJobs: { columns: { id: true, status: true, retryCount: true, lastErrorMessage: true, nextAttemptAt: true } },
    },
  });
  const page = rows.slice(0, opts.limit);
  return { orders: page, nextCursor: rows.length > opts.limit ? page.at(-1)?.createdAt : undefined };
}

export async function countRestaurantOrders(db: Db, restaurantId: string) {
  const [row] = await db.select({ n: count() }).from(orders).where(eq(orders.restaurantId, restaurantId));
  return row?.n ?? 0;
}

/** One order with items, status history and its POS sync timeline. Tenancy-checked by the caller. */
export async function getOrderDetail(db: Db, restaurantId: string, orderId: string) {
  return db.query.orders.findFirst({
    where: and(eq(orders.id, orderId), eq(orders.restaurantId, restaurantId)),
    with: {
      items: true,
      statusHistory: { orderBy: (h, { asc }) => asc(h.createdAt) },
      syncJobs: { with: { attempts: { orderBy: (a, { asc }) => asc(a.attemptNumber) } } },
    },
  });
}
