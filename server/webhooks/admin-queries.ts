import { and, desc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { webhookEvents, type WEBHOOK_EVENT_STATUSES } from "~/db/schema";
import { AppError } from "~/server/errors";
import { redactPayload } from "./redact";

export type WebhookEventFilter = {
  limit: number;
  provider?: string;
  status?: (typeof WEBHOOK_EVENT_STATUSES)[number];
  from?: Date;
  to?: Date;
};

/** The admin explorer's list: newest first, filtered by provider, status and time range. */
export function listWebhookEventsFiltered(db: Db, f: WebhookEventFilter) {
  return db
    .select({
      id: webhookEvents.id,
      provider: webhookEvents.provider,
      connectionId: webhookEvents.connectionId,
      eventType: webhookEvents.eventType,
      externalEventId: webhookEvents.externalEventId,
      signatureValid: webhookEvents.signatureValid,
      verificationError: webhookEvents.verificationError,
      status: webhookEvents.status,
      errorMessage: webhookEvents.errorMessage,
      orderId: webhookEvents.orderId,
      attempts: webhookEvents.attempts,
      receivedAt: webhookEvents.receivedAt,
      processedAt: webhookEvents.processedAt,
    })
    .from(webhookEvents)
    .where(
      and(
        f.provider ? eq(webhookEvents.provider, f.provider) : undefined,
        f.status ? eq(webhookEvents.status, f.status) : undefined,
        f.from ? gte(webhookEvents.receivedAt, f.from) : undefined,
        f.to ? lte(webhookEvents.receivedAt, f.to) : undefined,
      ),
    )
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(f.limit);
}

/** One event for the payload viewer: headers were redacted when stored, the body is redacted here. */
export async function webhookEventDetail(db: Db, id: string) {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "Webhook event not found");
  const { rawBody, dedupeKey: _dedupe, ...rest } = row;
  return { ...rest, payload: redactPayload(rawBody), bodyBytes: Buffer.byteLength(rawBody, "utf8") };
}
