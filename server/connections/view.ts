import type { connections } from "~/db/schema";

type Row = typeof connections.$inferSelect;

/**
 * The only shape a connection leaves the server in: never the ciphertext, tokens or key id.
 * Every API (tRPC and REST) builds its response from this.
 */
export function connectionView(row: Row) {
  return {
    id: row.id,
    restaurantId: row.restaurantId,
    provider: row.provider,
    status: row.status,
    health: row.health,
    isActive: row.status === "active",
    externalLocationId: row.externalLocationId,
    externalMerchantId: row.externalMerchantId,
    autoSyncOrders: row.autoSyncOrders,
    syncCustomerInfo: row.syncCustomerInfo,
    circuitState: row.circuitState,
    consecutiveFailures: row.consecutiveFailures,
    lastSyncAt: row.lastSyncAt,
    lastError: row.lastError,
    tokenExpiresAt: row.tokenExpiresAt,
    createdAt: row.createdAt,
    disconnectedAt: row.disconnectedAt,
  };
}
export type ConnectionView = ReturnType<typeof connectionView>;
