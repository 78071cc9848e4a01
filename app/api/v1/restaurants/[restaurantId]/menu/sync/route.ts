import { requestMenuSync } from "~/server/menu/sync/request";
import { ok } from "~/server/rest/envelope";
import { apiRoute } from "~/server/rest/handler";
import { requireManager } from "~/server/rest/require-manager";
import { menuSyncRunResource } from "~/server/rest/resources/menu-sync-run";
import { restaurantMenuSyncRoute } from "~/server/rest/routes";

/** POST /api/v1/restaurants/:restaurantId/menu/sync — pull the menu from the POS now (background). */
export const POST = apiRoute(restaurantMenuSyncRoute, async ({ db, caller, params }) => {
  requireManager(caller);
  const r = await requestMenuSync(db, { organizationId: caller.organizationId, restaurantId: params.restaurantId, trigger: "manual" });
  return ok({ sync_run: menuSyncRunResource(r.run), already_running: r.alreadyRunning }, r.alreadyRunning ? "Menu sync already running" : "Menu sync started");
});
