import { AppError } from "~/server/errors";
import { apiRoute } from "~/server/rest/handler";
import { posHealthRoute } from "~/server/rest/routes";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { integrationHealth } from "~/server/webhooks/integration-health";

/** GET /api/v1/pos/integration/:businessId/health — seed 002 health. */
export const GET = apiRoute(posHealthRoute, async ({ db, caller, params }) => {
  if (!(await findOrgRestaurant(db, caller.organizationId, params.businessId))) throw new AppError("NOT_FOUND", "Restaurant not found");
  return integrationHealth(db, params.businessId);
});
