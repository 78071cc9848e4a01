/**
 * Triage actions on open failures: retry and mark resolved, one or many (at most BULK_LIMIT per
 * request). Retrying goes through the seller's manual-retry path (requestManualSync resets the
 * job with a fresh set of retries, dispatchSync hands it to the jobs driver), and only a job
 * that is still an open failure is touched: one already pending, syncing, sent or resolved is
 * skipped, so running the same bulk retry twice never pushes an order twice. (Two requests
 * racing on one job both reach runSyncJob, whose claim and order-derived idempotency key keep it
 * to one POS order.) Every action writes an audit row: who, what, which jobs, never secrets.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { syncJobs } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";
import { isAppError } from "~/server/errors";
import { dispatchSync } from "~/server/sync/dispatch-sync";
import { requestManualSync } from "~/server/sync/request-sync";

export type TriageResult = { requested: number; done: number; skipped: number; doneIds: string[] };

/** Audit metadata keeps at most this many job ids; the counts are always exact. */
const AUDIT_IDS = 100;

export async function retryFailures(db: Db, actorUserId: string, jobIds: string[]): Promise<TriageResult> {
  const ids = [...new Set(jobIds)];
  const open = await db
    .select({ id: syncJobs.id, orderId: syncJobs.orderId, organizationId: syncJobs.organizationId })
    .from(syncJobs)
    .where(and(inArray(syncJobs.id, ids), eq(syncJobs.status, "failed"), isNull(syncJobs.resolvedAt)));
  const doneIds: string[] = [];
  for (const job of open) {
    try {
      const reset = await requestManualSync(db, job.organizationId, job.orderId);
      if (reset.id !== job.id || reset.status !== "pending") continue;
      await dispatchSync(reset, true);
      doneIds.push(job.id);
    } catch (err) {
      // Sent meanwhile (CONFLICT) or gone (NOT_FOUND): nothing to retry.
      if (!isAppError(err)) throw err;
    }
  }
  const result = { requested: ids.length, done: doneIds.length, skipped: ids.length - doneIds.length, doneIds };
  await recordAudit(db, {
    action: ids.length === 1 ? "sync.failure_retried" : "sync.failures_bulk_retried",
    actorUserId,
    organizationId: ids.length === 1 ? (open[0]?.organizationId ?? null) : null,
    targetType: "sync_job",
    targetId: ids.length === 1 ? ids[0] : undefined,
    metadata: { requested: result.requested, retried: result.done, skipped: result.skipped, jobIds: doneIds.slice(0, AUDIT_IDS) },
  });
  return result;
}

export async function resolveFailures(db: Db, actorUserId: string, jobIds: string[], note: string): Promise<TriageResult> {
  const ids = [...new Set(jobIds)];
  const resolved = await db.transaction(async (tx) => {
    const rows = await tx
      .update(syncJobs)
      .set({ resolvedAt: new Date(), resolvedBy: actorUserId, resolutionNote: note })
      .where(and(inArray(syncJobs.id, ids), eq(syncJobs.status, "failed"), isNull(syncJobs.resolvedAt)))
      .returning({ id: syncJobs.id, organizationId: syncJobs.organizationId });
    await recordAudit(tx, {
      action: ids.length === 1 ? "sync.failure_resolved" : "sync.failures_bulk_resolved",
      actorUserId,
      organizationId: ids.length === 1 ? (rows[0]?.organizationId ?? null) : null,
      targetType: "sync_job",
      targetId: ids.length === 1 ? ids[0] : undefined,
      metadata: { requested: ids.length, resolved: rows.length, note, jobIds: rows.slice(0, AUDIT_IDS).map((r) => r.id) },
    });
    return rows;
  });
  const doneIds = resolved.map((r) => r.id);
  return { requested: ids.length, done: doneIds.length, skipped: ids.length - doneIds.length, doneIds };
}
