import type { connections } from "~/db/schema";

type Conn = Pick<typeof connections.$inferSelect, "status" | "externalLocationId" | "autoSyncOrders">;

/** Far enough that the sweeper leaves the job alone until something (connect, manual sync) wakes it. */
export const PARKED = new Date("9999-12-31T00:00:00Z");

/**
 * Why an order cannot be pushed yet, in words for the seller — or null when it can.
 * Such jobs stay `pending` and are woken by connecting, reconnecting or a manual sync.
 */
export function pendingReason(conn: Conn | null, opts: { manual?: boolean } = {}): { message: string; recheckAt: Date } | null {
  if (!conn || conn.status === "disconnected") {
    return { message: "No POS is connected to this restaurant. The order will be sent once one is.", recheckAt: PARKED };
  }
  if (conn.status === "needs_reauth") {
    return { message: "The POS connection needs to be re-authorized. The order will be sent after you reconnect.", recheckAt: PARKED };
  }
  if (!conn.externalLocationId) {
    return { message: "Choose which POS location receives orders to start syncing.", recheckAt: PARKED };
  }
  if (!conn.autoSyncOrders && !opts.manual) {
    return { message: "Automatic sync is off for this restaurant. Send the order manually.", recheckAt: PARKED };
  }
  return null;
}
