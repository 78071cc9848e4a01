/**
 * Status polling for providers without webhooks (seed 000 "Polling-based status updates",
 * `MarketplaceOrderPolling`): every run, per provider whose statusMode is "polling",
 *   1. take its active connections whose circuit lets calls through (needs_reauth and
 *      disconnected connections are skipped; an open breaker waits out its window),
 *   2. claim up to `pollBudget` open orders (pushed: posOrderId set; status not terminal; not
 *      polled within the interval) with FOR UPDATE SKIP LOCKED, stamping last_polled_at, so two
 *      overlapping runs never poll the same order,
 *   3. read each through `adapter.getOrder`, at most `rate` requests/second per provider, and
 *      apply the status through applyPosStatus (changedBy "<provider>_poll"); an applied change is
 *      announced as order.status-changed. A terminal order is never claimed again,
 *   4. record each connection's polls (succeeded / failed / changed) in poll_runs for the admin
 *      metrics. A failed poll changes no order; auth failures mark the connection needs_reauth,
 *      a 429 ends the connection's batch, transient failures feed its circuit breaker.
 */
import { and, eq, inArray, isNotNull, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, orders, pollRuns } from "~/db/schema";
import { adapterContext } from "~/server/connections/adapter-context";
import { markNeedsReauth } from "~/server/connections/status";
import { listProviders } from "~/server/integrations/registry";
import type { ProviderModule } from "~/server/integrations/types";
import { dispatch } from "~/server/jobs/dispatch";
import { logger } from "~/server/logger";
import { applyPosStatus } from "~/server/status/apply-status";
import { TERMINAL } from "~/server/status/transitions";
import { afterFailure, afterSuccess, gate } from "~/server/sync/circuit-breaker";
import { classifyError } from "~/server/sync/classify";
import { rateLimiter, type Sleep } from "./rate-limit";
import { pollBudget, pollSettings, rateFor, type PollSettings } from "./settings";

type Conn = typeof connections.$inferSelect;
type Claimed = { id: string; connectionId: string | null; posOrderId: string | null };

export type PollCounts = { polled: number; succeeded: number; failed: number; changed: number };
export type ProviderPollResult = PollCounts & { provider: string; connections: number; skippedConnections: number };
export type PollRunSummary = PollCounts & { providers: ProviderPollResult[] };

export type PollOptions = { now?: Date; settings?: PollSettings; sleep?: Sleep };

/** Providers that have no webhooks and can read an order. */
export function pollingProviders(): ProviderModule[] {
  return listProviders().filter((p) => p.metadata.statusMode === "polling" && typeof p.adapter.getOrder === "function");
}

export async function pollOpenOrders(db: Db, opts: PollOptions = {}): Promise<PollRunSummary> {
  const now = opts.now ?? new Date();
  const settings = opts.settings ?? pollSettings();
  const results = await Promise.all(pollingProviders().map((p) => pollProvider(db, p, now, settings, opts.sleep)));
  const sum = (k: keyof PollCounts) => results.reduce((n, r) => n + r[k], 0);
  return { polled: sum("polled"), succeeded: sum("succeeded"), failed: sum("failed"), changed: sum("changed"), providers: results };
}

/** Claim due open orders of these connections: stamp last_polled_at in one statement (SKIP LOCKED). */
async function claimOrders(db: Db, connectionIds: string[], limit: number, now: Date, intervalMs: number): Promise<Claimed[]> {
  const cutoff = new Date(now.getTime() - intervalMs);
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        inArray(orders.connectionId, connectionIds),
        isNotNull(orders.posOrderId),
        notInArray(orders.status, [...TERMINAL]),
        or(isNull(orders.lastPolledAt), lte(orders.lastPolledAt, cutoff)),
      ),
    )
    .orderBy(sql`${orders.lastPolledAt} asc nulls first`, orders.createdAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(orders)
    // A poll is not an edit of the order: keep updated_at.
    .set({ lastPolledAt: now, updatedAt: sql`${orders.updatedAt}` })
    .where(inArray(orders.id, due))
    .returning({ id: orders.id, connectionId: orders.connectionId, posOrderId: orders.posOrderId });
}

async function pollProvider(db: Db, provider: ProviderModule, now: Date, settings: PollSettings, sleep?: Sleep): Promise<ProviderPollResult> {
  const id = provider.metadata.id;
  const result: ProviderPollResult = { provider: id, connections: 0, skippedConnections: 0, polled: 0, succeeded: 0, failed: 0, changed: 0 };
  const live = await db.select().from(connections).where(and(eq(connections.provider, id), eq(connections.status, "active")));
  const open = live.filter((c) => gate(c, now).allowed);
  result.skippedConnections = live.length - open.length;
  if (!open.length) return result;

  const claimed = await claimOrders(db, open.map((c) => c.id), pollBudget(settings, id), now, settings.intervalMs);
  const acquire = rateLimiter(rateFor(settings, id), { sleep });
  for (const conn of open) {
    const mine = claimed.filter((o) => o.connectionId === conn.id && o.posOrderId);
    if (!mine.length) continue;
    result.connections += 1;
    const counts = await pollConnection(db, provider, conn, mine, acquire, now, settings);
    for (const k of ["polled", "succeeded", "failed", "changed"] as const) result[k] += counts[k];
  }
  return result;
}

async function pollConnection(
  db: Db,
  provider: ProviderModule,
  conn: Conn,
  claimed: Claimed[],
  acquire: () => Promise<void>,
  now: Date,
  settings: PollSettings,
): Promise<PollCounts> {
  const id = provider.metadata.id;
  const changedBy = `${id}_poll`;
  const startedAt = new Date();
  const t0 = performance.now();
  const counts: PollCounts = { polled: 0, succeeded: 0, failed: 0, changed: 0 };
  let stoppedReason: string | null = null;
  let lastError: string | null = null;
  const g = gate(conn, now);
  const before = { circuitState: g.allowed && g.probe ? ("half_open" as const) : conn.circuitState, circuitOpenedAt: conn.circuitOpenedAt, consecutiveFailures: conn.consecutiveFailures };
  if (g.allowed && g.probe) await db.update(connections).set({ circuitState: "half_open" }).where(eq(connections.id, conn.id));
  let breaker = before;

  try {
    const ctx = await adapterContext(db, conn, settings.requestTimeoutMs, now);
    for (const order of claimed) {
      await acquire();
      counts.polled += 1;
      try {
        const snap = await provider.adapter.getOrder!(ctx, order.posOrderId!);
        counts.succeeded += 1;
        breaker = afterSuccess();
        if (!snap.status) continue;
        const r = await applyPosStatus(db, { orderId: order.id, status: snap.status, changedBy, reason: `${provider.metadata.name}: ${snap.vendorState}`, occurredAt: snap.updatedAt });
        if (r.verdict === "apply") {
          counts.changed += 1;
          await dispatch({ name: "switchboard/order.status-changed", data: { orderId: order.id, from: r.from, to: r.to, changedBy } });
        }
      } catch (err) {
        counts.failed += 1;
        const c = classifyError(err);
        lastError = c.message;
        if (c.next === "needs_reauth") {
          await markNeedsReauth(db, conn, c.message);
          stoppedReason = "needs_reauth";
          break;
        }
        if (c.errorClass === "rate_limited") {
          stoppedReason = "rate_limited";
          break;
        }
        if (c.errorClass === "unavailable" || c.errorClass === "internal") {
          breaker = afterFailure(breaker, now);
          if (breaker.circuitState === "open") {
            stoppedReason = "circuit_open";
            break;
          }
        }
        // A rejected read (e.g. 404 for one order) concerns that order only: go on.
        if (c.errorClass === "internal") logger.error("poll.internal_error", { orderId: order.id, connectionId: conn.id, error: err });
      }
    }
  } catch (err) {
    // No adapter context (credentials unreadable, refresh refused…): nothing was polled.
    const c = classifyError(err);
    lastError = c.message;
    stoppedReason = c.next === "needs_reauth" ? "needs_reauth" : "context";
    if (c.next === "needs_reauth") await markNeedsReauth(db, conn, c.message);
  }

  if (
    breaker.circuitState !== before.circuitState ||
    breaker.consecutiveFailures !== before.consecutiveFailures ||
    breaker.circuitOpenedAt?.getTime() !== before.circuitOpenedAt?.getTime()
  ) {
    await db.update(connections).set(breaker).where(eq(connections.id, conn.id));
  }
  await db.insert(pollRuns).values({
    provider: id,
    connectionId: conn.id,
    startedAt,
    durationMs: Math.round(performance.now() - t0),
    ...counts,
    stoppedReason,
    lastError,
  });
  return counts;
}
