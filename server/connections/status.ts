import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "~/db/client";
import { connections } from "~/db/schema";
import { getProvider } from "~/server/integrations/registry";
import { notifySeller } from "~/server/notifications/notify";

type Row = Pick<typeof connections.$inferSelect, "id" | "organizationId" | "restaurantId" | "provider">;

/**
 * The POS no longer accepts our credentials: stop using them until the seller reconnects,
 * and tell them once (only the transition into needs_reauth notifies).
 */
export async function markNeedsReauth(db: DbOrTx, row: Row, reason: string) {
  const changed = await db
    .update(connections)
    .set({ status: "needs_reauth", health: "offline", lastError: reason })
    .where(and(eq(connections.id, row.id), ne(connections.status, "needs_reauth")))
    .returning({ id: connections.id });
  if (!changed.length) return;
  const name = getProvider(row.provider).metadata.name;
  await notifySeller(db, {
    organizationId: row.organizationId,
    restaurantId: row.restaurantId,
    type: "connection.needs_reauth",
    severity: "error",
    title: `Reconnect ${name}`,
    body: `${name} stopped accepting Switchboard's access. Orders are being kept and will be sent once you reconnect ${name} in Integrations.`,
  });
}
