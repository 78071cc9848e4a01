/**
 * Processing one stored webhook call (the `switchboard/webhook.received` handler). Idempotent:
 * the row is claimed with a lease, status changes go through applyPosStatus (a repeat is
 * "same" and changes nothing), and only an applied change is announced. A failure leaves the
 * row `failed` with a backoff; the webhook sweeper retries it.
 */
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { orders, webhookEvents } from "~/db/schema";
import { env } from "~/env";
import { adapterContext } from "~/server/connections/adapter-context";
import { markNeedsReauth } from "~/server/connections/status";
import { getProvider, isProviderId } from "~/server/integrations/registry";
import type { ParsedWebhookEvent } from "~/server/integrations/types";
import { dispatch } from "~/server/jobs/dispatch";
import { logger } from "~/server/logger";
import { applyPosStatus } from "~/server/status/apply-status";
import { applyStockEvent } from "~/server/menu/availability/apply-stock-event";
import { connectionForEvents, liveConnectionById, type Connection } from "./routing";

export const MAX_WEBHOOK_ATTEMPTS = 8;
/** 30 s, 1, 2, 4 … min, capped at an hour. Also the claim lease, so a crashed run is retried. */
export const webhookBackoffMs = (attempt: number) => Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);

export type ProcessOutcome = { status: "processed" | "unmatched" | "ignored" | "failed" | "skipped"; orderIds?: string[]; error?: string };

export async function processWebhookEvent(db: Db, id: string, now = new Date()): Promise<ProcessOutcome> {
  const [row] = await db
    .update(webhookEvents)
    .set({ attempts: sql`${webhookEvents.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(1)) })
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.status, ["received", "failed"]), lte(webhookEvents.nextAttemptAt, now)))
    .returning();
  if (!row) return { status: "skipped" };
  const finish = (patch: Partial<typeof webhookEvents.$inferInsert>) =>
    db.update(webhookEvents).set(patch).where(eq(webhookEvents.id, id));
  try {
    const outcome = await handle(db, row);
    await finish({
      status: outcome.status,
      orderId: outcome.orderIds?.[0] ?? null,
      errorMessage: outcome.error ?? null,
      processedAt: new Date(),
      nextAttemptAt: null,
    });
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retry = row.attempts < MAX_WEBHOOK_ATTEMPTS;
    await finish({ status: "failed", errorMessage: message.slice(0, 1_000), nextAttemptAt: retry ? new Date(now.getTime() + webhookBackoffMs(row.attempts)) : null });
    logger.warn("webhook.processing_failed", { webhookEventId: id, provider: row.provider, attempt: row.attempts, retry, error });
    return { status: "failed", error: message };
  }
}

type HandledOutcome = ProcessOutcome & { status: "processed" | "unmatched" | "ignored" };

async function handle(db: Db, row: typeof webhookEvents.$inferSelect): Promise<HandledOutcome> {
  if (!isProviderId(row.provider)) return { status: "ignored", error: "Unknown provider" };
  const provider = getProvider(row.provider);
  const events = provider.webhooks!.parse(row.rawBody);
  const connection = row.connectionId
    ? await liveConnectionById(db, row.provider, row.connectionId)
    : await connectionForEvents(db, row.provider, events);
  if (!connection) return { status: "unmatched", error: "No live connection for this event" };
  if (!row.connectionId) await db.update(webhookEvents).set({ connectionId: connection.id }).where(eq(webhookEvents.id, row.id));

  const orderIds: string[] = [];
  let matched = false;
  let handled = false;
  let menuQueued = false;
  for (const event of events) {
    if (event.kind === "auth_revoked") {
      // The merchant revoked our access in the vendor's dashboard: stop using the tokens, tell the seller.
      handled = matched = true;
      await markNeedsReauth(db, connection, `${provider.metadata.name} authorization was revoked`);
      continue;
    }
    if (event.kind === "menu_changed") {
      // One debounced sync per connection however many menu events arrive (issue 5 trigger c).
      if (!menuQueued) {
        await dispatch({ name: "switchboard/menu.changed", data: { connectionId: connection.id, provider: connection.provider, webhookEventId: row.id } });
      }
      handled = matched = menuQueued = true;
      continue;
    }
    if (event.kind === "stock_changed") {
      handled = true;
      if (await applyStockEvent(db, connection, event, row.receivedAt)) matched = true;
      continue;
    }
    if (event.kind !== "order_status") continue;
    handled = true;
    const orderId = await applyOrderStatus(db, connection, event);
    if (orderId) {
      matched = true;
      orderIds.push(orderId);
    }
  }
  // Menu and stock events are stored and verified here; their processors belong to the menu and
  // inventory modules.
  if (!handled) return { status: "ignored", error: `No processor for ${events.map((e) => e.kind).join(", ")} yet` };
  return matched ? { status: "processed", orderIds } : { status: "unmatched", error: events.some((e) => e.kind === "stock_changed") ? "No menu item with this POS id" : "No order with this POS order id" };
}

/** Thin notice → the POS's current order → our status. Returns the order id when the order is ours. */
async function applyOrderStatus(db: Db, connection: Connection, event: Extract<ParsedWebhookEvent, { kind: "order_status" }>) {
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.restaurantId, connection.restaurantId), eq(orders.posOrderId, event.posOrderId)))
    .limit(1);
  if (!order) return null;
  const provider = getProvider(connection.provider);
  let status = event.status;
  let vendorState = event.vendorState;
  let occurredAt = event.occurredAt;
  if (provider.adapter.getOrder) {
    // Square's order events are thin notifications, possibly out of order: ask the POS for
    // the order's state now [reference §1.3]. The transition table still refuses regressions.
    const snapshot = await provider.adapter.getOrder(await adapterContext(db, connection, env.POS_REQUEST_TIMEOUT_MS), event.posOrderId);
    status = snapshot.status ?? status;
    vendorState = snapshot.vendorState;
    occurredAt = snapshot.updatedAt ?? occurredAt;
  }
  if (!status) return order.id;
  const changedBy = `${connection.provider}_webhook`;
  const result = await applyPosStatus(db, { orderId: order.id, status, changedBy, reason: `${provider.metadata.name}: ${vendorState}`, occurredAt });
  if (result.verdict === "apply") {
    await dispatch({ name: "switchboard/order.status-changed", data: { orderId: order.id, from: result.from, to: result.to, changedBy } });
  }
  return order.id;
}

/** Due received/failed events (lost dispatch, crash mid-run, backoff elapsed). */
export async function dueWebhookEvents(db: Db, now = new Date(), limit = 50) {
  return db
    .select({ id: webhookEvents.id, provider: webhookEvents.provider, connectionId: webhookEvents.connectionId })
    .from(webhookEvents)
    .where(and(inArray(webhookEvents.status, ["received", "failed"]), lte(webhookEvents.nextAttemptAt, now)))
    .orderBy(webhookEvents.nextAttemptAt)
    .limit(limit);
}

export async function sweepWebhookEvents(db: Db, run: (e: { id: string; provider: string; connectionId: string | null }) => Promise<unknown>, now = new Date()) {
  const due = await dueWebhookEvents(db, now);
  for (const e of due) await run(e);
  return { redriven: due.length };
}

/** Admin "Reprocess": a failed or unmatched event becomes due again and is dispatched. */
export async function reprocessWebhookEvent(db: Db, id: string) {
  const [row] = await db
    .update(webhookEvents)
    .set({ status: "received", nextAttemptAt: new Date(), errorMessage: null, attempts: 0 })
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.status, ["failed", "unmatched"]), eq(webhookEvents.signatureValid, true)))
    .returning();
  if (!row) return null;
  await dispatch({ name: "switchboard/webhook.received", data: { webhookEventId: row.id, provider: row.provider, connectionId: row.connectionId } });
  return row;
}
