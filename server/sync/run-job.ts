import { and, eq, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { prepared } from "~/db/prepared";
import { connections, orders, syncAttempts, syncJobs } from "~/db/schema";
import { adapterContext } from "~/server/connections/adapter-context";
import { markNeedsReauth } from "~/server/connections/status";
import { getProvider } from "~/server/integrations/registry";
import { logger } from "~/server/logger";
import { notifyMappingFailure } from "~/server/menu/mapping/notify-mapping-failure";
import { mappingFailedError, resolveOrderLines } from "~/server/menu/mapping/resolve-order-lines";
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
 * Claim a due job and move it to `syncing` in one statement: the inner SELECT … FOR UPDATE
 * SKIP LOCKED means two workers never push the same order at once, and a job that is not due
 * (or already taken) simply returns nothing.
 */
async function claim(db: Db, jobId: string, now: Date): Promise<Job | null> {
  const statement = prepared(db, "sync_claim", (d) => {
    const due = d
      .select({ id: syncJobs.id })
      .from(syncJobs)
      .where(
        and(
          eq(syncJobs.id, sql.placeholder("jobId")),
          inArray(syncJobs.status, ["pending", "retry"]),
          lte(syncJobs.nextAttemptAt, sql.placeholder("now")),
        ),
      )
      .for("update", { skipLocked: true });
    return d
      .update(syncJobs)
      .set({ status: "syncing", lockedAt: sql`now()` })
      .where(inArray(syncJobs.id, due))
      .returning()
      .prepare("sync_claim");
  });
  const [claimed] = await statement.execute({ jobId, now: now.toISOString() });
  return claimed ?? null;
}

/**
 * The order, its items and the restaurant's live connection in one round trip. The live
 * connection is looked up afresh: the seller may have connected or reconnected after the
 * order arrived.
 */
async function loadWork(db: Db, job: Job) {
  const statement = prepared(db, "sync_load_work", (d) =>
    d.query.orders
      .findFirst({
        where: eq(orders.id, sql.placeholder("orderId")),
        with: {
          items: true,
          restaurant: { columns: { id: true }, with: { connections: { where: ne(connections.status, "disconnected"), limit: 1 } } },
        },
      })
      .prepare("sync_load_work"),
  );
  const order = await statement.execute({ orderId: job.orderId });
  if (!order) return null;
  const { items, restaurant, ...row } = order;
  return { order: row, items, conn: restaurant.connections[0] ?? null };
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

  const work = await loadWork(db, job);
  const conn = work?.conn ?? null;
  const waiting = pendingReason(conn, { manual: opts.manual || job.retryCount > 0 });
  if (waiting || !conn) {
    await db
      .update(syncJobs)
      .set({ status: "pending", lockedAt: null, nextAttemptAt: waiting!.recheckAt, lastErrorMessage: waiting!.message, connectionId: conn?.id ?? null })
      .where(eq(syncJobs.id, job.id));
    return { status: "waiting", reason: waiting!.message };
  }

  // Menu-drift guard: a mapped dish whose POS item was removed or is sold out fails the order
  // for good (`mapping_failed`) before the POS, or its circuit breaker, is involved.
  const lines = await resolveOrderLines(db, conn, work!.items, now);
  if (lines.problems.length) {
    const failed = await recordFailure(db, job, conn, classifyError(mappingFailedError(lines.problems)), new Date(), 0, settings, now);
    await notifyMappingFailure(db, job, conn, lines.problems);
    return failed;
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

  const { order, items } = work!;
  const provider = getProvider(conn.provider);
  const canonical = toCanonicalOrder(order, items, conn, lines.refs);
  const started = performance.now();
  const startedAt = new Date();
  let result: RunResult;
  try {
    const ctx = await adapterContext(db, conn, settings.requestTimeoutMs, now);
    const pushed = await provider.adapter.pushOrder(ctx, canonical, { idempotencyKey: job.idempotencyKey });
    result = { status: "success", posOrderId: pushed.posOrderId };
    await recordSuccess(db, job, conn, order.id, pushed, startedAt, Math.round(performance.now() - started));
  } catch (error) {
    const c = classifyError(error);
    result = await recordFailure(db, job, conn, c, startedAt, Math.round(performance.now() - started), settings, now);
    if (c.errorClass === "internal") logger.error("sync.internal_error", { jobId: job.id, error });
  }
  await notifySyncOutcome(db, job, conn, result, settings);
  return result;
}

/**
 * Success bookkeeping as one statement (attempt, job, order, connection): this is the hot path
 * of every order, so it costs one round trip and is atomic without a transaction. The
 * connection row is only rewritten when something about it changes (or at most once a
 * second for last_sync_at), so concurrent orders of one restaurant don't queue on its lock.
 */
async function recordSuccess(
  db: Db,
  job: Job,
  conn: Conn,
  orderId: string,
  pushed: { posOrderId: string; summary?: Record<string, unknown> },
  startedAt: Date,
  durationMs: number,
) {
  const summary = JSON.stringify({ idempotency_key: job.idempotencyKey, ...pushed.summary });
  await db.execute(sql`
    with attempt as (
      insert into ${syncAttempts} (job_id, attempt_number, started_at, duration_ms, outcome, request_summary)
      values (${job.id}, ${job.retryCount + 1}, ${startedAt.toISOString()}::timestamptz, ${durationMs}, 'success', ${summary}::jsonb)
    ), job as (
      update ${syncJobs} set status = 'success', locked_at = null, pos_order_id = ${pushed.posOrderId}, completed_at = now(),
        connection_id = ${conn.id}, provider = ${conn.provider}, last_error_class = null, last_error_message = null, updated_at = now()
      where id = ${job.id}
    ), ord as (
      update ${orders} set pos_order_id = ${pushed.posOrderId}, connection_id = ${conn.id}, updated_at = now() where id = ${orderId}
    )
    update ${connections} set circuit_state = 'closed', circuit_opened_at = null, consecutive_failures = 0, health = 'online',
      last_error = null, last_sync_at = now(), updated_at = now()
    where id = ${conn.id} and (circuit_state <> 'closed' or consecutive_failures <> 0 or health <> 'online'
      or last_error is not null or last_sync_at is null or last_sync_at < now() - interval '1 second')`);
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
    // The POS was never called for a mapping failure: its health and breaker are unchanged.
    if (c.errorClass === "mapping_failed") return;
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
