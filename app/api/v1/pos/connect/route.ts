import { saveConnection } from "~/server/connections/manage";
import { ok } from "~/server/rest/envelope";
import { apiRoute } from "~/server/rest/handler";
import { requireManager } from "~/server/rest/require-manager";
import { toIntegrationResource } from "~/server/rest/resources/integration";
import { posConnectRoute } from "~/server/rest/routes";

/** POST /api/v1/pos/connect — seed 001 direct connect with tokens the caller already holds. */
export const POST = apiRoute(posConnectRoute, async ({ db, caller, body }) => {
  requireManager(caller);
  const conn = await saveConnection(
    db,
    { organizationId: caller.organizationId, userId: caller.userId, apiKeyId: caller.apiKeyId },
    {
      restaurantId: body.business_id,
      provider: body.provider,
      credentials: {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: body.token_expires_at ? new Date(body.token_expires_at) : undefined,
      },
      locationId: body.location_id,
      merchantId: body.merchant_id,
    },
  );
  return ok({ integration: toIntegrationResource(conn) }, `${conn.provider} POS integration connected successfully`);
});
