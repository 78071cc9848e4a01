/**
 * "Sync now" (seller UI, REST) and the initial sync after connecting: open a run for the
 * restaurant's connection and hand it to the jobs driver. Returns the run id to poll
 * (runs.ts). While a run of the connection is under way a second request returns that run
 * instead of starting another (one run at a time per connection).
 */
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections } from "~/db/schema";
import { liveConnection } from "~/server/connections/manage";
import { AppError } from "~/server/errors";
import { getProvider } from "~/server/integrations/registry";
import { dispatch } from "~/server/jobs/dispatch";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { closeRun, openRun, type MenuSyncRun, type MenuSyncTrigger } from "./run-record";
import { supportsMenuSync } from "./run-sync";

export type RequestMenuSyncInput = { organizationId: string; restaurantId: string; connectionId?: string; trigger: MenuSyncTrigger };
export type RequestMenuSyncResult = { runId: string; connectionId: string; alreadyRunning: boolean; run: MenuSyncRun };

async function connectionFor(db: Db, input: RequestMenuSyncInput) {
  if (!(await findOrgRestaurant(db, input.organizationId, input.restaurantId))) throw new AppError("NOT_FOUND", "Restaurant not found");
  if (!input.connectionId) return liveConnection(db, input.restaurantId);
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.id, input.connectionId), eq(connections.restaurantId, input.restaurantId), ne(connections.status, "disconnected")));
  return row ?? null;
}

export async function requestMenuSync(db: Db, input: RequestMenuSyncInput): Promise<RequestMenuSyncResult> {
  const conn = await connectionFor(db, input);
  if (!conn) throw new AppError("NOT_FOUND", "No POS is connected to this restaurant");
  const name = getProvider(conn.provider).metadata.name;
  if (!supportsMenuSync(conn.provider)) throw new AppError("CONFLICT", `${name} does not let us read its menu`);
  if (conn.status === "needs_reauth") throw new AppError("CONFLICT", `Reconnect ${name} before syncing the menu`);
  const { run, opened } = await openRun(db, conn, { trigger: input.trigger });
  if (opened) {
    try {
      await dispatch({ name: "switchboard/menu.sync-requested", data: { connectionId: conn.id, provider: conn.provider, trigger: input.trigger, runId: run.id } });
    } catch (err) {
      // Never leave a run "running" that no worker will pick up: it would block the next request.
      await closeRun(db, run, { status: "failed", errorCode: "dispatch_failed", errorMessage: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }
  return { runId: run.id, connectionId: conn.id, alreadyRunning: !opened, run };
}
