import { createHash } from "node:crypto";
import type { Db } from "~/db/client";
import { webhookEvents } from "~/db/schema";
import { redactHeaders, storable } from "./redact";

export type StoredCall = typeof webhookEvents.$inferInsert;

/** One row per inbound call, before we answer (seed 002 WebhookLogs). Returns the id, or null on a dedupe hit. */
export async function storeCall(db: Db, req: Request, row: Omit<StoredCall, "headers">): Promise<string | null> {
  const [saved] = await db
    .insert(webhookEvents)
    .values({
      ...row,
      provider: storable(row.provider, 64),
      eventType: row.eventType ? storable(row.eventType, 200) : row.eventType,
      externalEventId: row.externalEventId ? storable(row.externalEventId, 500) : row.externalEventId,
      verificationError: row.verificationError ? storable(row.verificationError, 500) : row.verificationError,
      errorMessage: row.errorMessage ? storable(row.errorMessage, 1_000) : row.errorMessage,
      rawBody: storable(row.rawBody),
      headers: redactHeaders(req.headers),
    })
    .onConflictDoNothing({ target: webhookEvents.dedupeKey })
    .returning({ id: webhookEvents.id });
  return saved?.id ?? null;
}

/**
 * provider + connection + the vendor's event ids. Square's event_id is global; other vendors'
 * ids may only be unique per restaurant, hence the connection. Hashed to bound its length.
 */
export function dedupeKeyOf(provider: string, connectionId: string | null, eventIds: string[]): string {
  const ids = [...new Set(eventIds)].sort().join(",");
  return `${provider}:${createHash("sha256").update(`${connectionId ?? "-"}|${ids}`).digest("hex")}`;
}
