import { apiRoute } from "~/server/rest/handler";
import { ok } from "~/server/rest/envelope";
import { requireManager } from "~/server/rest/require-manager";
import { posRotateSecretRoute } from "~/server/rest/routes";
import { rotateRestaurantWebhookSecret } from "~/server/webhooks/manage";

/** POST /api/v1/pos/integration/:businessId/rotate-secret — new webhook secret, old one valid for the grace window. */
export const POST = apiRoute(posRotateSecretRoute, async ({ db, caller, params }) => {
  requireManager(caller);
  const r = await rotateRestaurantWebhookSecret(db, { organizationId: caller.organizationId, userId: caller.userId, apiKeyId: caller.apiKeyId }, params.businessId);
  return ok(
    { webhook_secret: r.secret, webhook_url: r.webhookUrl, previous_secret_valid_until: r.previousValidUntil?.toISOString() ?? null },
    "Webhook secret rotated",
  );
});
