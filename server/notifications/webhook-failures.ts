import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, notifications, webhookEvents } from "~/db/schema";
import { logger } from "~/server/logger";
import { notifySeller } from "./notify";

export const WEBHOOK_FAILURE_NOTICE_TYPE = "webhooks.verification_failed";

export type WebhookFailureOptions = {
  /** Rejected calls in the window above which the seller hears about it (default 5). */
  threshold?: number;
  /** The counting window, and the minimum gap between two notices (default 1 hour). */
  windowMs?: number;
  now?: Date;
};

const label = (provider: string) => provider.charAt(0).toUpperCase() + provider.slice(1);

/**
 * Tell the seller when a connection's webhooks keep failing verification (a rotated secret, a
 * misconfigured POS, or someone probing the endpoint): counts `rejected` webhook_events for the
 * connection in the last hour and, above the threshold, writes ONE in-app warning per hour.
 * The connection row is locked while deciding, so concurrent rejections write one notice.
 * Cheap enough to call after every rejection.
 */
export async function notifySellerOfWebhookFailures(db: Db, connectionId: string, opts: WebhookFailureOptions = {}) {
  const threshold = opts.threshold ?? 5;
  const windowMs = opts.windowMs ?? 60 * 60_000;
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - windowMs);
  return db.transaction(async (tx) => {
    const [conn] = await tx
      .select({ id: connections.id, organizationId: connections.organizationId, restaurantId: connections.restaurantId, provider: connections.provider })
      .from(connections)
      .where(eq(connections.id, connectionId))
      .for("update");
    if (!conn) return { notified: false as const, rejected: 0, reason: "unknown_connection" as const };
    const [counted] = await tx
      .select({ n: count() })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.connectionId, connectionId), eq(webhookEvents.status, "rejected"), gt(webhookEvents.receivedAt, since)));
    const rejected = counted?.n ?? 0;
    if (rejected <= threshold) return { notified: false as const, rejected, reason: "below_threshold" as const };
    const title = `${label(conn.provider)} webhooks are failing verification`;
    const [recent] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.restaurantId, conn.restaurantId),
          eq(notifications.type, WEBHOOK_FAILURE_NOTICE_TYPE),
          eq(notifications.title, title),
          gt(notifications.createdAt, since),
        ),
      )
      .limit(1);
    if (recent) return { notified: false as const, rejected, reason: "already_notified" as const };
    await notifySeller(tx, {
      organizationId: conn.organizationId,
      restaurantId: conn.restaurantId,
      type: WEBHOOK_FAILURE_NOTICE_TYPE,
      severity: "warning",
      title,
      body: `${rejected} ${label(conn.provider)} webhook calls were rejected in the last hour because their signature did not verify. Order updates from the POS may be missing: check the webhook secret in Integrations.`,
    });
    logger.warn("notifications.webhook_failures_notified", { connectionId, rejected });
    return { notified: true as const, rejected, reason: "notified" as const };
  });
}
