import type { connections } from "~/db/schema";
import type { PosIntegrationResource } from "../schemas";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A connection as seed 001's `integration`: built field by field, so no credential can leak. */
export function toIntegrationResource(c: typeof connections.$inferSelect): PosIntegrationResource {
  return {
    id: c.id,
    business_id: c.restaurantId,
    provider: c.provider,
    is_active: c.status !== "disconnected",
    status: c.status,
    health: c.health,
    location_id: c.externalLocationId,
    merchant_id: c.externalMerchantId,
    auto_sync_orders: c.autoSyncOrders,
    sync_customer_info: c.syncCustomerInfo,
    last_sync_at: iso(c.lastSyncAt),
    error_count: c.errorCount,
    last_error: c.lastError,
    created_at: c.createdAt.toISOString(),
  };
}
