/**
 * The nightly full sync (seed 002 "menu sync"): every active connection whose provider can
 * read a menu. On Inngest each connection becomes its own event (its own run, retries and
 * failure); in-process they run one after another, each isolated, so one broken restaurant
 * never blocks the others.
 */
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections } from "~/db/schema";
import { logger } from "~/server/logger";
import { runMenuSync, supportsMenuSync, type MenuSyncResult } from "./run-sync";

export type MenuSyncTarget = { connectionId: string; provider: string };

export async function nightlyMenuSyncTargets(db: Db): Promise<MenuSyncTarget[]> {
  const live = await db
    .select({ connectionId: connections.id, provider: connections.provider })
    .from(connections)
    .where(eq(connections.status, "active"))
    .orderBy(connections.createdAt);
  return live.filter((c) => supportsMenuSync(c.provider));
}

/** The event each target becomes on Inngest. */
export function nightlyMenuSyncEvents(targets: MenuSyncTarget[]) {
  return targets.map((t) => ({
    name: "switchboard/menu.sync-requested" as const,
    data: { connectionId: t.connectionId, provider: t.provider, trigger: "nightly" as const, runId: null },
  }));
}

export type NightlySummary = { connections: number; succeeded: number; failed: number; skipped: number };

/** In-process: every target in turn; a throw or a failed run is counted, never propagated. */
export async function runNightlyMenuSync(db: Db, sync: (connectionId: string) => Promise<MenuSyncResult> = (id) => runMenuSync(db, { connectionId: id, trigger: "nightly" })): Promise<NightlySummary> {
  const targets = await nightlyMenuSyncTargets(db);
  const summary: NightlySummary = { connections: targets.length, succeeded: 0, failed: 0, skipped: 0 };
  for (const t of targets) {
    try {
      const r = await sync(t.connectionId);
      if (r.status === "skipped") summary.skipped += 1;
      else if (r.status === "failed") summary.failed += 1;
      else summary.succeeded += 1;
    } catch (error) {
      summary.failed += 1;
      logger.error("menu.nightly_sync_failed", { connectionId: t.connectionId, error });
    }
  }
  return summary;
}
