import { disconnect } from "~/server/connections/manage";
import { ok } from "~/server/rest/envelope";
import { apiRoute } from "~/server/rest/handler";
import { requireManager } from "~/server/rest/require-manager";
import { toIntegrationResource } from "~/server/rest/resources/integration";
import { posDisconnectRoute } from "~/server/rest/routes";

/** POST /api/v1/pos/disconnect — credentials are erased; the integration and its history stay. */
export const POST = apiRoute(posDisconnectRoute, async ({ db, caller, body }) => {
  requireManager(caller);
  const conn = await disconnect(
    db,
    { organizationId: caller.organizationId, userId: caller.userId, apiKeyId: caller.apiKeyId },
    body.business_id,
    body.provider,
  );
  return ok({ integrations: [toIntegrationResource(conn)] }, "POS integration disconnected successfully");
});
