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
import { ingressProfile } from "./profiles";
import { connectionsForEvents, liveConnectionById, type Connection } from "./routing";

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
      // Filed under the connection it turned out to concern (one of several sharing a sender).
      ...(outcome.connectionId ? { connectionId: outcome.connectionId } : {}),
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

type HandledOutcome = ProcessOutcome & { status: "processed" | "unmatched" | "ignored"; connectionId?: string };

async function handle(db: Db, row: typeof webhookEvents.$inferSelect): Promise<HandledOutcome> {
  if (!isProviderId(row.provider)) return { status: "ignored", error: "Unknown provider" };
  const provider = getProvider(row.provider);
  const events = provider.webhooks!.parse(row.rawBody);
  const candidates = await connectionsConcerned(db, row, events);
  if (candidates.length === 0) return { status: "unmatched", error: "No live connection for this event" };

  const orderIds: string[] = [];
  let matchedConnection: Connection | null = null;
  let handled = false;
  const menuQueued = new Set<string>();
  for (const event of events) {
    if (event.kind === "auth_revoked") {
      // The merchant revoked our access in the vendor's dashboard: stop using the tokens, tell the
      // seller. A revocation is the merchant's, so every restaurant on that merchant is cut off.
      handled = true;
      for (const connection of candidates) await markNeedsReauth(db, connection, `${provider.metadata.name} authorization was revoked`);
      matchedConnection ??= candidates[0]!;
      continue;
    }
    if (event.kind === "menu_changed") {
      // One debounced sync per connection however many menu events arrive (issue 5 trigger c);
      // restaurants sharing the POS menu all resync.
      for (const connection of candidates) {
        if (menuQueued.has(connection.id)) continue;
        menuQueued.add(connection.id);
        await dispatch({ name: "switchboard/menu.changed", data: { connectionId: connection.id, provider: connection.provider, webhookEventId: row.id } });
      }
      handled = true;
      matchedConnection ??= candidates[0]!;
      continue;
    }
    if (event.kind === "stock_changed") {
      handled = true;
      for (const connection of candidates) if (await applyStockEvent(db, connection, event, row.receivedAt)) matchedConnection ??= connection;
      continue;
    }
    if (event.kind !== "order_status") continue;
    handled = true;
    // The order is on exactly one of the connections: the one whose restaurant pushed it.
    for (const connection of candidates) {
      const orderId = await applyOrderStatus(db, connection, event);
      if (!orderId) continue;
      matchedConnection ??= connection;
      orderIds.push(orderId);
      break;
    }
  }
  // Kinds without a processor (yet) are stored and verified, and left as ignored.
  if (!handled) return { status: "ignored", error: `No processor for ${events.map((e) => e.kind).join(", ")} yet`, connectionId: candidates[0]!.id };
  if (!matchedConnection) {
    const error = events.some((e) => e.kind === "stock_changed") ? "No menu item with this POS id" : "No order with this POS order id";
    return { status: "unmatched", error, connectionId: candidates[0]!.id };
  }
  return { status: "processed", orderIds, connectionId: matchedConnection.id };
}

/**
 * The connections a stored call may concern. A call signed with a restaurant's own secret, or
 * filed under the connection its URL named by a provider without app-wide signing, concerns
 * that connection only. An app-signed call (Square: one key for every merchant) names its
 * sender in the body, and every live connection of that sender is a candidate: the one it was
 * filed under first.
 */
async function connectionsConcerned(db: Db, row: typeof webhookEvents.$inferSelect, events: ParsedWebhookEvent[]): Promise<Connection[]> {
  const filed = row.connectionId ? await liveConnectionById(db, row.provider, row.connectionId) : null;
  const appSigned = ingressProfile(row.provider).signing === "app";
  // Filed under a connection that is gone (disconnected since): nothing left to act for.
  if (row.connectionId && !filed && !appSigned) return [];
  if (filed && !appSigned) return [filed];
  const senders = await connectionsForEvents(db, row.provider, events);
  return filed ? [filed, ...senders.filter((c) => c.id !== filed.id)] : senders;
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
