import { AppError } from "~/server/errors";
import { apiRoute } from "~/server/rest/handler";
import { toSyncLogResource } from "~/server/rest/resources/sync-log";
import { posHistoryRoute } from "~/server/rest/routes";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { syncHistory } from "~/server/sync/queries";

/** GET /api/v1/pos/history/:businessId?limit&offset&status — seed 001 sync history. */
export const GET = apiRoute(
  posHistoryRoute,
  async ({ db, caller, params, query }) => {
    if (!(await findOrgRestaurant(db, caller.organizationId, params.businessId))) throw new AppError("NOT_FOUND", "Restaurant not found");
    const { logs, total } = await syncHistory(db, params.businessId, query);
    return { logs: logs.map(toSyncLogResource), total, limit: query.limit, offset: query.offset };
  },
);
