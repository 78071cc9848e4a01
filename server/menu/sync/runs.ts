/**
 * Reading menu sync runs for a restaurant (the seller's "Sync now" progress and history).
 * Callers check tenancy first (the restaurant belongs to the caller's organization).
 * A run in progress has `status: "running"` and `fetchedCount` set once the POS answered.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { menuSyncRuns } from "~/db/schema";
import type { MenuSyncRun } from "./run-record";

export type { MenuSyncRun } from "./run-record";

export async function listMenuSyncRuns(db: Db, restaurantId: string, opts: { limit?: number } = {}): Promise<MenuSyncRun[]> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
  return db.select().from(menuSyncRuns).where(eq(menuSyncRuns.restaurantId, restaurantId)).orderBy(desc(menuSyncRuns.startedAt)).limit(limit);
}

export async function getMenuSyncRun(db: Db, restaurantId: string, runId: string): Promise<MenuSyncRun | null> {
  const [run] = await db
    .select()
    .from(menuSyncRuns)
    .where(and(eq(menuSyncRuns.id, runId), eq(menuSyncRuns.restaurantId, restaurantId)))
    .limit(1);
  return run ?? null;
}
