import { and, eq, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, orderItems, orders, syncAttempts, syncJobs } from "~/db/schema";
import { adapterContext } from "~/server/connections/adapter-context";
import { markNeedsReauth } from "~/server/connections/status";
import { getProvider } from "~/server/integrations/registry";
import { logger } from "~/server/logger";
import { toCanonicalOrder } from "~/server/orders/canonical";
import { afterFailure, afterSuccess, gate } from "./circuit-breaker";
import { classifyError, retryDelayMs, type Classified } from "./classify";
import { notifySyncOutcome } from "./notify-outcome";
import { pendingReason } from "./pending-reason";
import { syncSettings, type SyncSettings } from "./settings";

type Job = typeof syncJobs.$inferSelect;
type Conn = typeof connections.$inferSelect;

export type RunResult =
  | { status: "skipped" }
  | { status: "waiting"; reason: string }
  | { status: "deferred"; until: Date }
  | { status: "success"; posOrderId: string }
  | { status: "retry"; nextAttemptAt: Date; error: Classified }
  | { status: "failed" | "needs_reauth"; error: Classified };

/**
 * Claim a due job (FOR UPDATE SKIP LOCKED, so two workers never push the same order at once)
 * and move it to `syncing`. Returns null when the job is not due or someone else has it.
 */
async function claim(db: Db, jobId: string, now: Date): Promise<Job | null> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(syncJobs)
      .where(and(eq(syncJobs.id, jobId), inArray(syncJobs.status, ["pending", "retry"]), lte(syncJobs.nextAttemptAt, now)))
      .for("update", { skipLocked: true });
    if (!job) return null;
    const [claimed] = await tx
      .update(syncJobs)
      .set({ status: "syncing", lockedAt: now })
      .where(eq(syncJobs.id, job.id))
      .returning();
    return claimed ?? null;
  });
}

async function liveConnection(db: Db, job: Job): Promise<Conn | null> {
  if (job.connectionId) {
    const conn = await db.query.connections.findFirst({ where: eq(connections.id, job.connectionId) });
    if (conn && conn.status !== "disconnected") return conn;
  }
  // The seller may have connected (or reconnected) after the order arrived.
  const [conn] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.restaurantId, job.restaurantId), ne(connections.status, "disconnected")))
    .limit(1);
  return conn ?? null;
}

/**
 * Push one order to its POS: the seed-001 state machine pending → syncing → retry →
 * success | failed. Every attempt is logged with its duration and outcome; the adapter gets
 * the job's idempotency key, so a retry after an ambiguous timeout never makes a second order.
 */
export async function runSyncJob(
  db: Db,
  jobId: string,
  opts: { now?: Date; settings?: SyncSettings; manual?: boolean } = {},
): Promise<RunResult> {
  const now = opts.now ?? new Date();
  const settings = opts.settings ?? syncSettings();
  const job = await claim(db, jobId, now);
  if (!job) return { status: "skipped" };

  const conn = await liveConnection(db, job);
  const waiting = pendingReason(conn, { manual: opts.manual || job.retryCount > 0 });
  if (waiting || !conn) {
    await db
      .update(syncJobs)
      .set({ status: "pending", lockedAt: null, nextAttemptAt: waiting!.recheckAt, lastErrorMessage: waiting!.message, connectionId: conn?.id ?? null })
      .where(eq(syncJobs.id, job.id));
    return { status: "waiting", reason: waiting!.message };
  }

  const g = gate(conn, now);
  if (!g.allowed) {
    await db
      .update(syncJobs)
      .set({ status: "retry", lockedAt: null, nextAttemptAt: g.retryAt, connectionId: conn.id, provider: conn.provider, lastErrorMessage: "The POS has been failing, so sending is paused briefly (circuit open). The order is queued." })
      .where(eq(syncJobs.id, job.id));
    return { status: "deferred", until: g.retryAt };
  }
  if (g.probe) {
    await db.update(connections).set({ circuitState: "half_open" }).where(eq(connections.id, conn.id));
  }

  const [order] = await db.select().from(orders).where(eq(orders.id, job.orderId));
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, job.orderId));
  const provider = getProvider(conn.provider);
  const canonical = toCanonicalOrder(order!, items, conn);
  const started = performance.now();
  const startedAt = new Date();
  let result: RunResult;
  try {
    const ctx = await adapterContext(db, conn, settings.requestTimeoutMs, now);
    const pushed = await provider.adapter.pushOrder(ctx, canonical, { idempotencyKey: job.idempotencyKey });
    result = { status: "success", posOrderId: pushed.posOrderId };
    await recordSuccess(db, job, conn, order!.id, pushed, startedAt, Math.round(performance.now() - started));
  } catch (error) {
    const c = classifyError(error);
    result = await recordFailure(db, job, conn, c, startedAt, Math.round(performance.now() - started), settings, now);
    if (c.errorClass === "internal") logger.error("sync.internal_error", { jobId: job.id, error });
  }
  await notifySyncOutcome(db, job, conn, result, settings);
  return result;
}

async function recordSuccess(
  db: Db,
  job: Job,
  conn: Conn,
  orderId: string,
  pushed: { posOrderId: string; summary?: Record<string, unknown> },
  startedAt: Date,
  durationMs: number,
) {
  await db.transaction(async (tx) => {
    await tx.insert(syncAttempts).values({
      jobId: job.id,
      attemptNumber: job.retryCount + 1,
      startedAt,
      durationMs,
      outcome: "success",
      requestSummary: { idempotency_key: job.idempotencyKey, ...pushed.summary },
    });
    await tx
      .update(syncJobs)
      .set({ status: "success", lockedAt: null, posOrderId: pushed.posOrderId, completedAt: new Date(), connectionId: conn.id, provider: conn.provider, lastErrorClass: null, lastErrorMessage: null })
      .where(eq(syncJobs.id, job.id));
    await tx.update(orders).set({ posOrderId: pushed.posOrderId, connectionId: conn.id }).where(eq(orders.id, orderId));
    await tx
      .update(connections)
      .set({ ...afterSuccess(), health: "online", lastSyncAt: new Date(), lastError: null })
      .where(eq(connections.id, conn.id));
  });
}

async function recordFailure(
  db: Db,
  job: Job,
  conn: Conn,
  c: Classified,
  startedAt: Date,
  durationMs: number,
  settings: SyncSettings,
  now: Date,
): Promise<RunResult> {
  const exhausted = c.next === "retry" && job.retryCount >= job.maxRetries;
  const status = c.next === "retry" && !exhausted ? "retry" : c.next === "needs_reauth" ? "pending" : "failed";
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(c, job.retryCount, settings.retryIntervalMs));
  await db.transaction(async (tx) => {
    await tx.insert(syncAttempts).values({
      jobId: job.id,
      attemptNumber: job.retryCount + 1,
      startedAt,
      durationMs,
      outcome: c.next === "needs_reauth" ? "needs_reauth" : status === "retry" ? "retry" : "failed",
      httpStatus: c.httpStatus,
      errorClass: c.errorClass,
      errorMessage: c.message,
      requestSummary: { idempotency_key: job.idempotencyKey },
    });
    await tx
      .update(syncJobs)
      .set({
        status,
        lockedAt: null,
        connectionId: conn.id,
        provider: conn.provider,
        // Needs-reauth jobs wait, without spending retries, until the seller reconnects.
        retryCount: c.next === "needs_reauth" ? job.retryCount : job.retryCount + 1,
        nextAttemptAt: status === "retry" ? nextAttemptAt : pendingReason({ ...conn, status: "needs_reauth" })!.recheckAt,
        lastErrorClass: c.errorClass,
        lastErrorMessage: c.message,
        completedAt: status === "failed" ? new Date() : null,
      })
      .where(eq(syncJobs.id, job.id));
    // A 400/401 is still an answer: the POS is up, so it closes the breaker (and ends a probe).
    const posHealthy = c.errorClass === "validation" || c.errorClass === "auth";
    await tx
      .update(connections)
      .set({
        ...(posHealthy ? afterSuccess() : afterFailure(conn, now)),
        health: posHealthy ? conn.health : "degraded",
        lastError: c.message,
        errorCount: sql`${connections.errorCount} + 1`,
      })
      .where(eq(connections.id, conn.id));
  });
  if (c.next === "needs_reauth") {
    await markNeedsReauth(db, conn, c.message);
    return { status: "needs_reauth", error: c };
  }
  return status === "retry" ? { status: "retry", nextAttemptAt, error: c } : { status: "failed", error: c };
}
