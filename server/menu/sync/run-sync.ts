/**
 * One menu sync of one connection (the job behind every trigger): open or claim the run,
 * fetch the WHOLE menu through the provider's `fetchMenu` (it throws if any page fails), apply
 * the diff, close the run. A failed fetch is a failed run and changes no menu row, so an
 * outage never looks like "every item was removed". Errors are classified once
 * (server/sync/classify.ts): an auth failure marks the connection needs_reauth, as order sync does.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, menuSyncRuns } from "~/db/schema";
import { env } from "~/env";
import { adapterContext } from "~/server/connections/adapter-context";
import { markNeedsReauth } from "~/server/connections/status";
import { getProvider, isProviderId } from "~/server/integrations/registry";
import { logger } from "~/server/logger";
import { classifyError } from "~/server/sync/classify";
import { autoMatch } from "~/server/menu/mapping/auto-match";
import { applyMenu } from "./apply-menu";
import { closeRun, markFetched, openRun, type MenuSyncRun, type MenuSyncTrigger } from "./run-record";

export type MenuSyncResult =
  | { status: "skipped"; reason: "no_connection" | "not_active" | "already_running" | "unsupported"; runId?: string }
  | { status: MenuSyncRun["status"]; runId: string; run: MenuSyncRun };

export type RunMenuSyncInput = { connectionId: string; trigger: MenuSyncTrigger; runId?: string | null };

/** Providers whose adapter can read a whole menu. */
export function supportsMenuSync(provider: string): boolean {
  return isProviderId(provider) && typeof getProvider(provider).adapter.fetchMenu === "function";
}

/** Take over a run requested earlier (requestMenuSync); its clock starts now. */
async function claimRun(db: Db, runId: string, connectionId: string, now: Date) {
  const [run] = await db
    .update(menuSyncRuns)
    .set({ startedAt: now })
    .where(and(eq(menuSyncRuns.id, runId), eq(menuSyncRuns.connectionId, connectionId), eq(menuSyncRuns.status, "running")))
    .returning();
  return run ?? null;
}

export async function runMenuSync(db: Db, input: RunMenuSyncInput, now = new Date()): Promise<MenuSyncResult> {
  const [conn] = await db.select().from(connections).where(eq(connections.id, input.connectionId));
  if (!conn) return { status: "skipped", reason: "no_connection" };
  if (!supportsMenuSync(conn.provider)) return { status: "skipped", reason: "unsupported" };
  let run = input.runId ? await claimRun(db, input.runId, conn.id, now) : null;
  if (!run) {
    const opened = await openRun(db, conn, { trigger: input.trigger }, now);
    if (!opened.opened) return { status: "skipped", reason: "already_running", runId: opened.run.id };
    run = opened.run;
  }
  if (conn.status !== "active") {
    const closed = await closeRun(db, run, { status: "failed", errorCode: conn.status, errorMessage: `The connection is ${conn.status}` });
    return { status: closed.status, runId: closed.id, run: closed };
  }

  const provider = getProvider(conn.provider);
  const tenancy = { organizationId: conn.organizationId, restaurantId: conn.restaurantId, connectionId: conn.id };
  try {
    const ctx = await adapterContext(db, conn, env.POS_REQUEST_TIMEOUT_MS);
    const menu = await provider.adapter.fetchMenu!(ctx);
    await markFetched(db, run.id, menu.categories.length + menu.items.length + menu.modifierGroups.length);
    const applied = await applyMenu(db, tenancy, menu);
    const { errors, ...counts } = applied;
    const closed = await closeRun(db, run, { status: errors.length ? "partial" : "success", counts, errors });
    logger.info("menu.sync_finished", { connectionId: conn.id, runId: run.id, trigger: input.trigger, status: closed.status, ...counts, errors: errors.length });
    // New or changed POS items may match dishes now; a matching failure never fails the sync.
    await autoMatch(db, { connectionId: conn.id, now }).catch((error: unknown) => logger.error("menu.auto_match_failed", { connectionId: conn.id, error }));
    return { status: closed.status, runId: closed.id, run: closed };
  } catch (err) {
    const c = classifyError(err);
    const errorCode = c.next === "needs_reauth" ? "needs_reauth" : c.errorClass;
    if (c.next === "needs_reauth") await markNeedsReauth(db, conn, c.message);
    if (c.errorClass === "internal") logger.error("menu.sync_internal_error", { connectionId: conn.id, runId: run.id, error: err });
    const closed = await closeRun(db, run, { status: "failed", errorCode, errorMessage: c.message });
    return { status: closed.status, runId: closed.id, run: closed };
  }
}
