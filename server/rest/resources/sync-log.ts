import type { syncJobs } from "~/db/schema";
import type { SyncLogResource } from "../schemas";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A sync job as seed 001's `syncLog`. */
export function toSyncLogResource(j: typeof syncJobs.$inferSelect & { durationMs?: number | null }): SyncLogResource {
  return {
    id: j.id,
    order_id: j.orderId,
    status: j.status,
    provider: j.provider,
    pos_order_id: j.posOrderId,
    retry_count: j.retryCount,
    duration_ms: j.durationMs ?? null,
    next_retry_at: j.status === "retry" ? iso(j.nextAttemptAt) : null,
    error_message: j.lastErrorMessage,
    completed_at: iso(j.completedAt),
    created_at: j.createdAt.toISOString(),
  };
}
