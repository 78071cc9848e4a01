import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import type { webhookEvents } from "~/db/schema";
import { logger } from "~/server/logger";
import { redactHeaders, storable } from "./redact";

type StoredCall = typeof webhookEvents.$inferInsert;
type CallRow = Omit<StoredCall, "headers">;

/**
 * One row per inbound call, before we answer (seed 002 WebhookLogs). Resolves to the new id
 * once the row is committed, or null on a dedupe hit (a replay).
 *
 * Calls arriving together are written together (group commit): while one INSERT is on its
 * way, the calls that come in meanwhile queue up and go as the next single multi-row INSERT.
 * Each caller still answers only after its own row is committed, so nothing is acknowledged
 * before it is durable; a quiet instance writes each call at once, alone. Under a burst this
 * turns N round trips and N commits into a few (bench/webhook-ingest.ts).
 */
export async function storeCall(db: Db, req: Request, row: CallRow): Promise<string | null> {
  const full = {
    ...row,
    provider: storable(row.provider, 64),
    eventType: row.eventType ? storable(row.eventType, 200) : (row.eventType ?? null),
    externalEventId: row.externalEventId ? storable(row.externalEventId, 500) : (row.externalEventId ?? null),
    verificationError: row.verificationError ? storable(row.verificationError, 500) : (row.verificationError ?? null),
    errorMessage: row.errorMessage ? storable(row.errorMessage, 1_000) : (row.errorMessage ?? null),
    rawBody: storable(row.rawBody),
    headers: redactHeaders(req.headers),
  };
  return writerFor(db).write(full);
}

/**
 * provider + connection + the vendor's event ids. Square's event_id is global; other vendors'
 * ids may only be unique per restaurant, hence the connection. Hashed to bound its length.
 */
export function dedupeKeyOf(provider: string, connectionId: string | null, eventIds: string[]): string {
  const ids = [...new Set(eventIds)].sort().join(",");
  return `${provider}:${createHash("sha256").update(`${connectionId ?? "-"}|${ids}`).digest("hex")}`;
}

// ─── group commit ───────────────────────────────────────────────────────────────────────

type Row = CallRow & { headers: Record<string, string> };
type Pending = { id: string; row: Row; resolve: (id: string | null) => void; reject: (error: unknown) => void };

/** Statements in flight per database: one being committed while the next batch forms. */
const MAX_IN_FLIGHT = 2;
/** Bounds one statement's size; a longer queue goes out in several. */
const MAX_BATCH = 200;

const writers = new WeakMap<Db, CallWriter>();
function writerFor(db: Db): CallWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new CallWriter(db)));
  return writer;
}

class CallWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  constructor(private readonly db: Db) {}

  write(row: Row): Promise<string | null> {
    return new Promise((resolve, reject) => {
      // Ids are chosen here so the INSERT's RETURNING says which rows went in (the others hit
      // the dedupe key), whatever order the database returns them in.
      this.queue.push({ id: randomUUID(), row, resolve, reject });
      this.pump();
    });
  }

  /** Start a statement if one may start; calls of the same event-loop turn go together. */
  private pump() {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    });
  }

  private async commit(batch: Pending[]) {
    try {
      const inserted = await insertRows(this.db, batch);
      for (const p of batch) p.resolve(inserted.has(p.id) ? p.id : null);
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One bad row (say, its connection was deleted a moment ago) must not fail the calls it
      // happened to share a statement with: each goes again alone and fails only itself.
      logger.warn("webhook.store_batch_failed", { rows: batch.length, error });
      await Promise.all(batch.map((p) => this.commit([p])));
    }
  }
}

/**
 * One INSERT for the whole batch: the rows travel as one JSON parameter (serialised natively
 * by JSON.stringify) and `json_to_recordset` turns them back into typed rows, so the statement
 * text is the same whatever the batch size. Two calls of one batch with the same dedupe key:
 * the second is skipped like any replay.
 */
async function insertRows(db: Db, batch: Pending[]): Promise<Set<string>> {
  const rows = batch.map(({ id, row: r }) => ({
    id,
    provider: r.provider,
    connection_id: r.connectionId ?? null,
    event_type: r.eventType ?? null,
    external_event_id: r.externalEventId ?? null,
    dedupe_key: r.dedupeKey ?? null,
    signature_valid: r.signatureValid,
    verification_error: r.verificationError ?? null,
    headers: r.headers,
    raw_body: r.rawBody,
    status: r.status ?? "received",
    error_message: r.errorMessage ?? null,
    next_attempt_at: r.nextAttemptAt ?? null,
    processed_at: r.processedAt ?? null,
  }));
  const result = await db.execute<{ id: string }>(sql`
    insert into webhook_events (id, provider, connection_id, event_type, external_event_id, dedupe_key, signature_valid,
      verification_error, headers, raw_body, status, error_message, next_attempt_at, processed_at)
    select id, provider, connection_id, event_type, external_event_id, dedupe_key, signature_valid,
      verification_error, headers, raw_body, status, error_message, next_attempt_at, processed_at
    from json_to_recordset(${JSON.stringify(rows)}::json) as t(id uuid, provider text, connection_id uuid, event_type text,
      external_event_id text, dedupe_key text, signature_valid boolean, verification_error text, headers jsonb, raw_body text,
      status text, error_message text, next_attempt_at timestamptz, processed_at timestamptz)
    on conflict (dedupe_key) do nothing
    returning id`);
  const inserted = Array.isArray(result) ? (result as { id: string }[]) : (result as { rows: { id: string }[] }).rows;
  return new Set(inserted.map((r) => r.id));
}
