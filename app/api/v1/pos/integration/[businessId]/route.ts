import { liveConnection } from "~/server/connections/manage";
import { AppError } from "~/server/errors";
import { apiRoute } from "~/server/rest/handler";
import { toIntegrationResource } from "~/server/rest/resources/integration";
import { posIntegrationRoute } from "~/server/rest/routes";
import { findOrgRestaurant } from "~/server/restaurants/queries";

/** GET /api/v1/pos/integration/:businessId — the restaurant's POS integration, never its tokens. */
export const GET = apiRoute(posIntegrationRoute, async ({ db, caller, params }) => {
  if (!(await findOrgRestaurant(db, caller.organizationId, params.businessId))) throw new AppError("NOT_FOUND", "Restaurant not found");
  const conn = await liveConnection(db, params.businessId);
  if (!conn) throw new AppError("NOT_FOUND", "No POS integration for this restaurant");
  return { integration: toIntegrationResource(conn) };
});
