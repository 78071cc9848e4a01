import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "~/db/client";
import { syncJobs } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";
import { AppError } from "~/server/errors";

/**
 * Seed 001 manual sync: make an order's job due now, whatever state it ended in (a failed
 * order gets a fresh set of retries). An order already on the POS is not sent again.
 */
export async function requestManualSync(
  db: Db,
  organizationId: string,
  orderId: string,
  actor: { userId?: string | null; apiKeyId?: string | null } = {},
) {
  const job = await db.query.syncJobs.findFirst({
    where: and(eq(syncJobs.orderId, orderId), eq(syncJobs.organizationId, organizationId)),
  });
  if (!job) throw new AppError("NOT_FOUND", "Order not found");
  if (job.status === "success") throw new AppError("CONFLICT", "This order is already in the POS");
  if (job.status === "syncing") return job;
  const [updated] = await db
    .update(syncJobs)
    .set({
      status: "pending",
      nextAttemptAt: new Date(),
      retryCount: job.status === "failed" ? 0 : job.retryCount,
      // After a rejection nothing was created in the POS, and the seller may have fixed the
      // cause (e.g. the item mapping), which changes the body: Square would refuse the old
      // key with IDEMPOTENCY_KEY_REUSED. Any other failure may have created the order, so it
      // keeps its key.
      ...(job.status === "failed" && job.lastErrorClass === "validation"
        ? { idempotencyKey: `sb-${job.orderId}-m${Date.now().toString(36)}` }
        : {}),
      completedAt: null,
    })
    .where(and(eq(syncJobs.id, job.id), ne(syncJobs.status, "syncing")))
    .returning();
  await recordAudit(db, {
    action: "sync.manual_retry",
    actorUserId: actor.userId ?? null,
    actorType: actor.apiKeyId ? "api_key" : actor.userId ? "user" : "system",
    organizationId,
    targetType: "order",
    targetId: orderId,
    metadata: { jobId: job.id, fromStatus: job.status, ...(actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {}) },
  });
  return updated ?? job;
}

/** After a connect or reconnect: wake every order of the restaurant that was waiting for it. */
export async function wakeWaitingJobs(db: Db, restaurantId: string, connectionId: string, provider: string) {
  return db
    .update(syncJobs)
    .set({ nextAttemptAt: new Date(), connectionId, provider })
    .where(and(eq(syncJobs.restaurantId, restaurantId), inArray(syncJobs.status, ["pending", "retry"])))
    .returning({ id: syncJobs.id, connectionId: syncJobs.connectionId, provider: syncJobs.provider });
}
