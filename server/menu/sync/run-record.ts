/**
 * menu_sync_runs as the per-connection lock: a run is opened under a row lock on the
 * connection, and only when no other run of that connection is `running`. A `running` row
 * older than STALE_RUN_MS belonged to a crashed worker and is closed as failed ("stale").
 */
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, menuSyncRuns, type MenuSyncError } from "~/db/schema";
import type { ApplyCounts } from "./apply-menu";

export type MenuSyncRun = typeof menuSyncRuns.$inferSelect;
export type MenuSyncTrigger = MenuSyncRun["trigger"];
export type Connection = typeof connections.$inferSelect;

/** Far above a 5,000-item sync (seconds): only a dead worker leaves a run open this long. */
export const STALE_RUN_MS = 15 * 60_000;

export async function openRun(
  db: Db,
  conn: Pick<Connection, "id" | "organizationId" | "restaurantId">,
  input: { trigger: MenuSyncTrigger; type?: MenuSyncRun["type"] },
  now = new Date(),
): Promise<{ run: MenuSyncRun; opened: boolean }> {
  return db.transaction(async (tx) => {
    // Serializes openers of this connection on every driver (PGlite, pg, Neon).
    await tx.select({ id: connections.id }).from(connections).where(eq(connections.id, conn.id)).for("update");
    const stale = new Date(now.getTime() - STALE_RUN_MS);
    await tx
      .update(menuSyncRuns)
      .set({ status: "failed", errorCode: "stale", errorMessage: "The worker running this sync stopped", completedAt: now })
      .where(and(eq(menuSyncRuns.connectionId, conn.id), eq(menuSyncRuns.status, "running"), lt(menuSyncRuns.startedAt, stale)));
    const [running] = await tx
      .select()
      .from(menuSyncRuns)
      .where(and(eq(menuSyncRuns.connectionId, conn.id), eq(menuSyncRuns.status, "running")))
      .limit(1);
    if (running) return { run: running, opened: false };
    const [run] = await tx
      .insert(menuSyncRuns)
      .values({ organizationId: conn.organizationId, restaurantId: conn.restaurantId, connectionId: conn.id, trigger: input.trigger, type: input.type ?? "full", startedAt: now })
      .returning();
    return { run: run!, opened: true };
  });
}

/** Progress while a run is under way: what the POS sent so far. */
export async function markFetched(db: Db, runId: string, fetchedCount: number) {
  await db.update(menuSyncRuns).set({ fetchedCount }).where(eq(menuSyncRuns.id, runId));
}

export async function closeRun(
  db: Db,
  run: Pick<MenuSyncRun, "id" | "startedAt">,
  outcome:
    | { status: "success" | "partial"; counts: ApplyCounts; errors: MenuSyncError[] }
    | { status: "failed"; errorCode: string; errorMessage: string; errors?: MenuSyncError[] },
  now = new Date(),
): Promise<MenuSyncRun> {
  const timing = { completedAt: now, durationMs: Math.max(0, now.getTime() - run.startedAt.getTime()) };
  const patch =
    outcome.status === "failed"
      ? { status: outcome.status, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage.slice(0, 1_000), errors: outcome.errors ?? [], ...timing }
      : {
          status: outcome.status,
          fetchedCount: outcome.counts.fetched,
          createdCount: outcome.counts.created,
          updatedCount: outcome.counts.updated,
          removedCount: outcome.counts.removed,
          unchangedCount: outcome.counts.unchanged,
          categoriesSynced: outcome.counts.categories,
          itemsSynced: outcome.counts.items,
          // A menu with thousands of bad rows should not make a megabyte of jsonb.
          errors: outcome.errors.slice(0, 200),
          ...timing,
        };
  const [row] = await db.update(menuSyncRuns).set(patch).where(eq(menuSyncRuns.id, run.id)).returning();
  return row!;
}
