import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { orders, type connections, type syncJobs } from "~/db/schema";
import { getProvider } from "~/server/integrations/registry";
import { notifySeller } from "~/server/notifications/notify";
import type { RunResult } from "./run-job";
import type { SyncSettings } from "./settings";

/**
 * Seed 001: the seller hears about an order after 3 failed attempts in a row and when it
 * fails for good. (A lost authorization is told once per connection by markNeedsReauth.)
 */
export async function notifySyncOutcome(
  db: Db,
  job: typeof syncJobs.$inferSelect,
  conn: typeof connections.$inferSelect,
  result: RunResult,
  settings: SyncSettings,
) {
  const failuresSoFar = job.retryCount + 1;
  const third = result.status === "retry" && failuresSoFar === settings.notifyAfterFailures;
  if (!third && result.status !== "failed") return;
  const [order] = await db.select({ externalId: orders.externalId }).from(orders).where(eq(orders.id, job.orderId));
  const pos = getProvider(conn.provider).metadata.name;
  const ref = order?.externalId ?? job.orderId;
  await notifySeller(db, {
    organizationId: job.organizationId,
    restaurantId: job.restaurantId,
    orderId: job.orderId,
    type: third ? "sync.failing" : "sync.failed",
    severity: third ? "warning" : "error",
    title: third ? `Order ${ref} has not reached ${pos} yet` : `Order ${ref} could not be sent to ${pos}`,
    body: third
      ? `${failuresSoFar} attempts failed (${result.error.message}). Switchboard keeps retrying; check the kitchen has the order.`
      : `${result.error.message}. Fix the cause, then retry it from Orders.`,
  });
}
