import type { DbOrTx } from "~/db/client";
import { notifications } from "~/db/schema";

export type SellerNotice = {
  organizationId: string;
  restaurantId?: string | null;
  orderId?: string | null;
  type: string;
  severity: "info" | "warning" | "error";
  title: string;
  body: string;
};

/**
 * Tell a restaurant's team something in the app. In-app notices are delivered by being
 * stored, so they are written as "sent"; email/SMS channels queue as "pending".
 */
export async function notifySeller(db: DbOrTx, n: SellerNotice) {
  await db.insert(notifications).values({
    organizationId: n.organizationId,
    restaurantId: n.restaurantId ?? null,
    orderId: n.orderId ?? null,
    channel: "in_app",
    type: n.type,
    severity: n.severity,
    title: n.title,
    body: n.body,
    status: "sent",
  });
}
