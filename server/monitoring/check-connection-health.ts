/**
 * The scheduled POS health monitor (seed 000 monitorRestaurantPOSHealth): every active
 * connection whose adapter can check itself is asked through `healthCheck` (with fresh
 * credentials, via the adapter context like every other job), a few at a time and each within a
 * timeout. Each check is stored as a sample; the connection's health is derived
 * (health-policy.ts) and updated; a transition that matters alerts the seller and the admins
 * once (health-alerts.ts). The row is locked while deciding, so overlapping runs alert once.
 */
import { desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connectionHealthSamples, connections, restaurants } from "~/db/schema";
import { adapterContext } from "~/server/connections/adapter-context";
import { isAppError } from "~/server/errors";
import { getProvider, isProviderId } from "~/server/integrations/registry";
import type { HealthResult } from "~/server/integrations/types";
import { logger } from "~/server/logger";
import { alertFor, alertHealthChange } from "./health-alerts";
import { deriveHealth, HEALTH_POLICY, type Health } from "./health-policy";

export type MonitorOptions = { now?: () => Date; concurrency?: number; timeoutMs?: number };
export type MonitorSummary = { checked: number; online: number; degraded: number; offline: number; transitions: number; alerts: number };

type Conn = typeof connections.$inferSelect;

export const MONITOR_DEFAULTS = { concurrency: 4, timeoutMs: 5_000 } as const;

export async function monitorConnectionHealth(db: Db, opts: MonitorOptions = {}): Promise<MonitorSummary> {
  const rows = await db
    .select({ conn: connections, restaurantName: restaurants.name })
    .from(connections)
    .innerJoin(restaurants, eq(restaurants.id, connections.restaurantId))
    .where(eq(connections.status, "active"));
  const due = rows.filter((r) => isProviderId(r.conn.provider) && typeof getProvider(r.conn.provider).adapter.healthCheck === "function");
  const summary: MonitorSummary = { checked: 0, online: 0, degraded: 0, offline: 0, transitions: 0, alerts: 0 };
  await eachLimited(due, opts.concurrency ?? MONITOR_DEFAULTS.concurrency, async ({ conn, restaurantName }) => {
    try {
      const r = await checkOne(db, conn, restaurantName, opts);
      summary.checked++;
      summary[r.health]++;
      if (r.changed) summary.transitions++;
      if (r.alerted) summary.alerts++;
    } catch (err) {
      // One connection's bookkeeping failing must not stop the others' checks.
      logger.error("monitoring.check_failed", { connectionId: conn.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
  return summary;
}

async function checkOne(db: Db, conn: Conn, restaurantName: string, opts: MonitorOptions) {
  const timeoutMs = opts.timeoutMs ?? MONITOR_DEFAULTS.timeoutMs;
  const result = await runCheck(db, conn, timeoutMs, opts.now?.() ?? new Date());
  const now = opts.now?.() ?? new Date();
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(connections).where(eq(connections.id, conn.id)).for("update");
    if (!locked || locked.status !== "active") return { health: conn.health, changed: false, alerted: false };
    const recent = await tx
      .select({ ok: connectionHealthSamples.ok })
      .from(connectionHealthSamples)
      .where(eq(connectionHealthSamples.connectionId, conn.id))
      .orderBy(desc(connectionHealthSamples.checkedAt))
      .limit(HEALTH_POLICY.offlineAfter - 1);
    const failuresInARow = recent.findIndex((s) => s.ok) === -1 ? recent.length : recent.findIndex((s) => s.ok);
    const health: Health = deriveHealth(result, locked.circuitState, failuresInARow);
    const changed = health !== locked.health;
    await tx.insert(connectionHealthSamples).values({
      connectionId: conn.id,
      provider: conn.provider,
      checkedAt: now,
      ok: result.ok,
      latencyMs: result.latencyMs,
      status: health,
      detail: result.detail?.slice(0, 500) ?? null,
    });
    await tx
      .update(connections)
      .set({ health, healthCheckedAt: now, ...(changed ? { healthChangedAt: now } : {}) })
      .where(eq(connections.id, conn.id));
    const alert = changed ? alertFor(locked.health, health) : null;
    if (alert) {
      await alertHealthChange(tx, locked, alert, result.detail ?? null, restaurantName);
      logger.warn("monitoring.health_changed", { connectionId: conn.id, provider: conn.provider, from: locked.health, to: health });
    }
    return { health, changed, alerted: !!alert };
  });
}

/** One adapter health check within `timeoutMs`; anything thrown (credentials, timeout) is a failed check. */
async function runCheck(db: Db, conn: Conn, timeoutMs: number, now: Date): Promise<HealthResult> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const ctx = await adapterContext(db, conn, timeoutMs, now);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([getProvider(conn.provider).adapter.healthCheck!(ctx), timeout]);
  } catch (err) {
    const detail = isAppError(err) ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : "unexpected error";
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail };
  } finally {
    clearTimeout(timer);
  }
}

/** Run `fn` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
