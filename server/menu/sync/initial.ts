import type { connections } from "~/db/schema";
import { dispatch } from "~/server/jobs/dispatch";
import { logger } from "~/server/logger";
import { supportsMenuSync } from "./run-sync";

/**
 * The first menu sync, right after a restaurant connects its POS. Connecting must not fail
 * because the jobs driver hiccuped: the nightly sync (or "Sync now") catches up.
 */
export async function dispatchInitialMenuSync(conn: Pick<typeof connections.$inferSelect, "id" | "provider">): Promise<void> {
  if (!supportsMenuSync(conn.provider)) return;
  try {
    await dispatch({ name: "switchboard/menu.sync-requested", data: { connectionId: conn.id, provider: conn.provider, trigger: "initial", runId: null } });
  } catch (error) {
    logger.warn("menu.initial_sync_dispatch_failed", { connectionId: conn.id, error });
  }
}
