import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { orderStatusHistory, orders, type OrderStatus } from "~/db/schema";
import { judgeTransition, type TransitionVerdict } from "./transitions";

export type StatusUpdate = {
  orderId: string;
  status: OrderStatus;
  /** Who says so: "square_webhook", "petpooja_callback", "touchbistro_poll", "seller:<id>"… */
  changedBy: string;
  reason?: string;
  /** When the POS says it happened (webhook timestamp); defaults to now. */
  occurredAt?: Date;
  estimatedReadyAt?: Date | null;
};

export type StatusResult = { verdict: TransitionVerdict; from: OrderStatus | null; to: OrderStatus };

/**
 * Move an order to a new status if the transition table allows it, recording old/new/who/why
 * in order_status_history in the same transaction. The UPDATE is conditional on the status it
 * judged, so two concurrent updates cannot both apply from the same starting point. Safe to
 * call again with the same update: the second call is "same" and changes nothing.
 */
export async function applyPosStatus(db: Db, u: StatusUpdate): Promise<StatusResult> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, u.orderId)).for("update");
    if (!order) return { verdict: "stale", from: null, to: u.status };
    const verdict = judgeTransition(order.status, u.status);
    if (verdict !== "apply") return { verdict, from: order.status, to: u.status };
    const at = u.occurredAt ?? new Date();
    await tx
      .update(orders)
      .set({
        status: u.status,
        posStatusUpdatedAt: at,
        ...(u.estimatedReadyAt !== undefined ? { estimatedReadyAt: u.estimatedReadyAt } : {}),
        ...(u.status === "delivered" || u.status === "completed" ? { completedAt: at } : {}),
        ...(u.status === "cancelled" || u.status === "rejected" ? { cancelledAt: at, cancellationReason: u.reason ?? null } : {}),
      })
      .where(and(eq(orders.id, u.orderId), eq(orders.status, order.status)));
    await tx.insert(orderStatusHistory).values({
      orderId: u.orderId,
      fromStatus: order.status,
      toStatus: u.status,
      changedBy: u.changedBy,
      reason: u.reason ?? null,
      createdAt: at,
    });
    return { verdict, from: order.status, to: u.status };
  });
}
