import { AppError } from "~/server/errors";
import { apiRoute } from "~/server/rest/handler";
import { posStatsRoute } from "~/server/rest/routes";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { syncStats } from "~/server/sync/queries";

/** GET /api/v1/pos/stats/:businessId — seed 001 sync statistics. */
export const GET = apiRoute(posStatsRoute, async ({ db, caller, params }) => {
  if (!(await findOrgRestaurant(db, caller.organizationId, params.businessId))) throw new AppError("NOT_FOUND", "Restaurant not found");
  const s = await syncStats(db, params.businessId);
  return {
    stats: {
      total_syncs: s.totalSyncs,
      successful_syncs: s.successfulSyncs,
      failed_syncs: s.failedSyncs,
      pending_retries: s.pendingRetries,
      success_rate: s.successRate ?? 0,
    },
  };
});
