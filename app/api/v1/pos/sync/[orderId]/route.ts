import { ok } from "~/server/rest/envelope";
import { apiRoute } from "~/server/rest/handler";
import { toSyncLogResource } from "~/server/rest/resources/sync-log";
import { posSyncRoute } from "~/server/rest/routes";
import { dispatchSync } from "~/server/sync/dispatch-sync";
import { requestManualSync } from "~/server/sync/request-sync";

/** POST /api/v1/pos/sync/:orderId — seed 001 manual sync (retry a failed order, or send a held one). */
export const POST = apiRoute(posSyncRoute, async ({ db, caller, params }) => {
  const job = await requestManualSync(db, caller.organizationId, params.orderId, { userId: caller.userId, apiKeyId: caller.apiKeyId });
  await dispatchSync(job, true);
  return ok({ syncLog: toSyncLogResource(job) }, "Order sync initiated");
});
