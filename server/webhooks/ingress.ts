/**
 * Webhooks in (DESIGN "Webhooks in"): raw body (size-capped) → provider → connection →
 * verify against every valid secret → parse → staleness → dedupe → store → 2xx → enqueue
 * (after the response, batched; a lost enqueue is redriven by the sweeper).
 * Every call is stored before it is answered, rejected ones too, and nothing here changes an
 * order: processing runs through the jobs seam (process.ts).
 *
 * Answers: 200 accepted (also for a replay of an event already received: acknowledged with
 * `duplicate: true` and no second effect, so the vendor stops retrying); 400 malformed body;
 * 401 missing/invalid signature or stale; 404 unknown provider or connection (one message, so
 * ids cannot be probed); 413 over 256 KB.
 */
import type { Db } from "~/db/client";
import { dispatchSoon, type KeepAlive } from "~/server/jobs/dispatch";
import { getProvider, isProviderId } from "~/server/integrations/registry";
import type { ParsedWebhookEvent } from "~/server/integrations/types";
import { logger } from "~/server/logger";
import { notifySellerOfWebhookFailures } from "~/server/notifications/webhook-failures";
import { ingressProfile } from "./profiles";
import { readRawBody } from "./read-body";
import { cachedConnectionById, cachedConnectionForEvents, cachedSecrets, forgetConnection } from "./ingress-cache";
import { parseWebhookPath, type Connection } from "./routing";
import { dedupeKeyOf, storeCall } from "./store";

export type WebhookTarget = { provider: string; path: string[] };

const reply = (status: number, body: Record<string, unknown>) => Response.json(body, { status });
const NOT_FOUND = () => reply(404, { ok: false, error: "Not found" });

/** Where work that must outlive the response goes (Next's `after` in a route handler). */
export type IngressOptions = { afterResponse: KeepAlive; now?: Date };
const DISPATCH_WINDOW_MS = 50;

export async function receiveWebhook(db: Db, req: Request, target: WebhookTarget, opts: IngressOptions = { afterResponse: () => {} }): Promise<Response> {
  const now = opts.now ?? new Date();
  const provider = target.provider;
  const reject = async (status: number, reason: string, rawBody: string, extra: { connectionId?: string | null; signatureValid?: boolean; eventType?: string | null } = {}) => {
    await storeCall(db, req, {
      provider,
      connectionId: extra.connectionId ?? null,
      eventType: extra.eventType ?? null,
      signatureValid: extra.signatureValid ?? false,
      verificationError: reason,
      rawBody,
      status: "rejected",
    });
    logger.warn("webhook.rejected", { provider: provider.slice(0, 64), status, reason, connectionId: extra.connectionId ?? null });
    // Repeated signature failures on one restaurant's URL usually mean a stale secret on the
    // POS side: tell the seller (at most hourly, past a threshold). Never fails the answer.
    if (status === 401 && extra.connectionId) {
      await notifySellerOfWebhookFailures(db, extra.connectionId).catch((error: unknown) =>
        logger.error("webhook.failure_notice_failed", { connectionId: extra.connectionId, error }),
      );
    }
    return status === 404 ? NOT_FOUND() : reply(status, { ok: false, error: reason });
  };

  const body = await readRawBody(req);
  if (!body.ok) return reject(413, "payload_too_large", "");
  const rawBody = body.text;

  if (!isProviderId(provider) || !getProvider(provider).webhooks) return reject(404, "unknown_provider", rawBody);
  const capability = getProvider(provider).webhooks!;
  const profile = ingressProfile(provider);

  const path = parseWebhookPath(target.path);
  if (path === "invalid") return reject(404, "unknown_connection", rawBody);
  let connection: Connection | null = null;
  if (path.connectionId) {
    connection = (await cachedConnectionById(db, provider, path.connectionId)).value;
    if (!connection) return reject(404, "unknown_connection", rawBody);
  }

  // Parse early only when the body must say whose secret signed it (per-restaurant secrets,
  // no connection in the URL). Nothing parsed here is acted on before the signature checks out.
  let events: ParsedWebhookEvent[] | null = null;
  const parse = () => {
    try {
      return capability.parse(rawBody);
    } catch {
      return null;
    }
  };
  let secrets: string[] = [];
  let secretsFromCache = false;
  if (profile.signing === "app") {
    secrets = profile.appSecrets?.() ?? [];
  } else {
    if (!connection) {
      events = parse();
      if (!events) return reject(400, "malformed_body", rawBody);
      connection = (await cachedConnectionForEvents(db, provider, events)).value;
      if (!connection) return reject(401, "unknown_sender", rawBody);
    }
    ({ value: secrets, cached: secretsFromCache } = await cachedSecrets(db, connection.id, now));
  }
  const url = profile.notificationUrl?.(req.url) ?? req.url;
  let verified = secrets.length > 0 && capability.verify({ rawBody, headers: req.headers, url }, secrets);
  // A secret rotated on another instance is not in this process's cache yet: look once more.
  if (!verified && secretsFromCache && connection) {
    forgetConnection(connection.id);
    secrets = (await cachedSecrets(db, connection.id, now)).value;
    verified = secrets.length > 0 && capability.verify({ rawBody, headers: req.headers, url }, secrets);
  }
  if (secrets.length === 0) return reject(401, "no_secret_configured", rawBody, { connectionId: connection?.id });
  if (!verified) return reject(401, "invalid_signature", rawBody, { connectionId: connection?.id });

  events ??= parse();
  if (!events) return reject(400, "malformed_body", rawBody, { connectionId: connection?.id, signatureValid: true });
  const eventType = eventTypeOf(events);
  const signedAt = profile.signedTimestamp?.({ events, headers: req.headers });
  if (signedAt && profile.maxAgeMs && now.getTime() - signedAt.getTime() > profile.maxAgeMs) {
    return reject(401, "stale_timestamp", rawBody, { connectionId: connection?.id, signatureValid: true, eventType });
  }

  // App-signed events name their merchant; a per-restaurant URL already named the connection.
  connection ??= (await cachedConnectionForEvents(db, provider, events)).value;
  const eventIds = events.map((e) => e.eventId);
  const base = {
    provider,
    connectionId: connection?.id ?? null,
    eventType,
    externalEventId: eventIds.join(",") || null,
    signatureValid: true,
    rawBody,
  };
  // A replay (vendor retry or attacker) hits the unique dedupe key: stored for the record,
  // acknowledged so the vendor stops retrying, never processed a second time.
  const duplicate = async () => {
    await storeCall(db, req, { ...base, status: "ignored", errorMessage: "Duplicate delivery of an event already received", processedAt: now });
    return reply(200, { ok: true, duplicate: true });
  };
  if (events.length === 0 || events.every((e) => e.kind === "ignored")) {
    const dedupeKey = eventIds.length ? dedupeKeyOf(provider, connection?.id ?? null, eventIds) : null;
    if (!(await storeCall(db, req, { ...base, dedupeKey, status: "ignored", processedAt: now }))) return duplicate();
    return reply(200, { ok: true });
  }
  if (!connection) {
    const stored = await storeCall(db, req, { ...base, dedupeKey: dedupeKeyOf(provider, null, eventIds), status: "unmatched", errorMessage: "No live connection for this merchant" });
    if (!stored) return duplicate();
    logger.warn("webhook.unmatched_connection", { provider, eventType });
    return reply(200, { ok: true });
  }
  const id = await storeCall(db, req, { ...base, dedupeKey: dedupeKeyOf(provider, connection.id, eventIds), status: "received", nextAttemptAt: now });
  if (!id) return duplicate();
  // The stored row is the durable record, so the answer does not wait for the dispatch: it
  // goes out after the response, batched with the other calls of the next DISPATCH_WINDOW_MS
  // into one send (each send costs ~0.3 ms of this process's CPU; bench/webhook-ingest.ts),
  // and nothing of this call is kept until then but the event. If the send fails the row is
  // still due and the webhook sweeper picks it up.
  dispatchSoon({ name: "switchboard/webhook.received", data: { webhookEventId: id, provider, connectionId: connection.id } }, { windowMs: DISPATCH_WINDOW_MS, keepAlive: opts.afterResponse });
  return reply(200, { ok: true });
}

function eventTypeOf(events: ParsedWebhookEvent[]): string | null {
  const e = events[0];
  if (!e) return null;
  return e.kind === "ignored" ? e.type : e.kind;
}
