/**
 * Webhooks in, end to end through the real route handlers: the Square fake delivers real signed
 * webhooks over HTTP to our route (server/testing/webhook-receiver), processing runs the way the
 * jobs driver would run it, and the adapter asks the fake for the order (thin notices).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { connections, orderStatusHistory, orders, webhookEvents } from "~/db/schema";
import { registerSandbox } from "~/server/integrations/runtime";
import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_CLIENT_SECRET } from "~/server/integrations/square/fake";
import { SQUARE_SIGNATURE_HEADER, squareSignature } from "~/server/integrations/square/signature";
import { saveConnection } from "~/server/connections/manage";
import { createOrder } from "~/server/orders/create-order";
import { runSyncJob } from "~/server/sync/run-job";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { callWebhookRoute, startWebhookReceiver } from "~/server/testing/webhook-receiver";
import { processWebhookEvent, sweepWebhookEvents } from "./process";

const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as { name: string; data: Record<string, unknown> }[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));

const KEY = "test-square-signature-key";
let w: Awaited<ReturnType<typeof squareWorld>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let url: string;

beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
  receiver = await startWebhookReceiver();
  url = `${receiver.origin}/api/webhooks/square`;
  registerSandbox("square", {
    baseUrl: w.fake.url,
    app: { clientId: FAKE_SQUARE_CLIENT_ID, clientSecret: FAKE_SQUARE_CLIENT_SECRET, extra: { webhookSignatureKey: KEY, webhookUrl: url } },
  });
  w.fake.subscribe({ notificationUrl: url, signatureKey: KEY });
});
afterAll(async () => {
  await receiver.close();
  await w.dispose();
});
beforeEach(() => void (h.dispatched.length = 0));

/** An order pushed to the fake, so the kitchen can move it. */
async function pushedOrder() {
  const { order, job } = await w.order();
  await runSyncJob(w.t.db, job.id);
  const [row] = await w.t.db.select().from(orders).where(eq(orders.id, order.id));
  expect(row!.posOrderId).toBeTruthy();
  await w.fake.flushWebhooks();
  return row!;
}

/** Run what the jobs driver would have run for every webhook.received dispatched so far. */
async function drain() {
  const events = h.dispatched.filter((e) => e.name === "switchboard/webhook.received");
  return Promise.all(events.map((e) => processWebhookEvent(w.t.db, e.data.webhookEventId as string)));
}

const envelope = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    merchant_id: w.connection.externalMerchantId,
    type: "order.updated",
    event_id: `evt-${Math.random().toString(36).slice(2)}`,
    created_at: new Date().toISOString(),
    data: { type: "order", id: "NOPE", object: { order_updated: { order_id: "NOPE", state: "OPEN", version: 1 } } },
    ...over,
  });

function post(body: string, opts: { sign?: string | null; at?: string; headers?: Record<string, string> } = {}) {
  const target = opts.at ?? url;
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if (opts.sign !== null) headers[SQUARE_SIGNATURE_HEADER] = opts.sign ?? squareSignature(KEY, target, body);
  return callWebhookRoute(new Request(target, { method: "POST", headers, body }));
}

const rows = () => w.t.db.select().from(webhookEvents);
const lastRow = async () => (await rows()).sort((a, b) => +b.receivedAt - +a.receivedAt)[0]!;

describe("status flow: fake kitchen → our route → processing → order", () => {
  it("a fake-emitted order.fulfillment.updated moves the order to ready, writes history and announces it", async () => {
    const order = await pushedOrder();
    h.dispatched.length = 0;
    const { statuses } = await w.fake.advanceOrder(order.posOrderId!, "PREPARED");
    expect(statuses.every((s) => s === 200)).toBe(true);
    const stored = (await rows()).filter((r) => r.status === "received");
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(stored.every((r) => r.signatureValid && r.connectionId === w.connection.id)).toBe(true);
    // Headers are kept for support, the signature is not.
    expect(stored[0]!.headers[SQUARE_SIGNATURE_HEADER]).toBe("[redacted]");

    const outcomes = await drain();
    expect(outcomes.map((o) => o.status)).toContain("processed");
    const [after] = await w.t.db.select().from(orders).where(eq(orders.id, order.id));
    expect(after!.status).toBe("ready");
    const history = await w.t.db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, order.id));
    expect(history.filter((x) => x.changedBy === "square_webhook")).toEqual([expect.objectContaining({ toStatus: "ready" })]);
    const announced = h.dispatched.filter((e) => e.name === "switchboard/order.status-changed");
    expect(announced).toEqual([{ name: "switchboard/order.status-changed", data: expect.objectContaining({ orderId: order.id, to: "ready", changedBy: "square_webhook" }) }]);
    // Processing again is a no-op: same status, no second history row or announcement.
    for (const r of stored) await w.t.db.update(webhookEvents).set({ status: "failed", nextAttemptAt: new Date(0) }).where(eq(webhookEvents.id, r.id));
    h.dispatched.length = 0;
    await sweepWebhookEvents(w.t.db, (e) => processWebhookEvent(w.t.db, e.id));
    expect(h.dispatched).toEqual([]);
    const again = await w.t.db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, order.id));
    expect(again).toHaveLength(history.length);
  });

  it("a POS failure while fetching the order leaves the event failed and due; the sweeper retries it", async () => {
    const order = await pushedOrder();
    h.dispatched.length = 0;
    await w.fake.advanceOrder(order.posOrderId!, "PREPARED");
    w.fake.faults.next("GET /v2/orders/*", { status: 503, times: 10 });
    const outcomes = await drain();
    expect(outcomes.every((o) => o.status === "failed")).toBe(true);
    const failed = (await rows()).filter((r) => r.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.nextAttemptAt && r.attempts === 1)).toBe(true);
    expect((await w.t.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).not.toBe("ready");
    w.fake.faults.clear();
    // Not yet due: the sweeper leaves them (it only re-drives other due calls, e.g. order.created). After the backoff: processed.
    const redriven: string[] = [];
    await sweepWebhookEvents(w.t.db, async (e) => redriven.push(e.id));
    expect(redriven.filter((id) => failed.some((f) => f.id === id))).toEqual([]);
    await sweepWebhookEvents(w.t.db, (e) => processWebhookEvent(w.t.db, e.id, new Date(Date.now() + 60 * 60_000)), new Date(Date.now() + 60 * 60_000));
    expect((await w.t.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("ready");
  });
});

describe("rejections: stored, logged, no order touched", () => {
  it("missing or invalid signature → 401, stored as rejected", async () => {
    const body = envelope();
    expect((await post(body, { sign: null })).status).toBe(401);
    expect(await lastRow()).toMatchObject({ status: "rejected", signatureValid: false, verificationError: "invalid_signature", rawBody: body });
    expect((await post(body, { sign: squareSignature("wrong-key", url, body) })).status).toBe(401);
    // Signed for another URL (Square signs the exact notification URL).
    expect((await post(body, { sign: squareSignature(KEY, `${url}/`, body) })).status).toBe(401);
    expect(h.dispatched).toEqual([]);
  });

  it("a stale event (older than Square's 72 h retry window) → 401", async () => {
    const body = envelope({ created_at: new Date(Date.now() - 80 * 3_600_000).toISOString() });
    expect((await post(body)).status).toBe(401);
    expect(await lastRow()).toMatchObject({ status: "rejected", signatureValid: true, verificationError: "stale_timestamp" });
  });

  it("a replay → 200 with duplicate: true, stored, processed once", async () => {
    const body = envelope();
    const first = await post(body);
    expect(first.status).toBe(200);
    const second = await post(body);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ ok: true, duplicate: true });
    expect(h.dispatched.filter((e) => e.name === "switchboard/webhook.received")).toHaveLength(1);
    expect(await lastRow()).toMatchObject({ status: "ignored", dedupeKey: null, errorMessage: expect.stringContaining("Duplicate") });
  });

  it("valid signature, malformed JSON → 400 stored; not a Square envelope → 400", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect(await lastRow()).toMatchObject({ status: "rejected", signatureValid: true, verificationError: "malformed_body", rawBody: "{not json" });
    expect((await post('{"hello":"world"}')).status).toBe(400);
  });

  it("oversize → 413 without reading it all, declared or not", async () => {
    const big = "x".repeat(300 * 1024);
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("y".repeat(64 * 1024)));
        c.close();
      },
    });
    const res = await callWebhookRoute(new Request(url, { method: "POST", body: stream, duplex: "half" } as RequestInit));
    expect(res.status).toBe(413);
    expect(await lastRow()).toMatchObject({ status: "rejected", verificationError: "payload_too_large", rawBody: "" });
  });

  it("unknown provider and unknown connection → the same 404, whichever ids exist", async () => {
    const a = await post(envelope(), { at: `${receiver.origin}/api/webhooks/nosuchpos` });
    const b = await post(envelope(), { at: `${receiver.origin}/api/webhooks/square/order-status/00000000-0000-4000-8000-000000000000` });
    const c = await post(envelope(), { at: `${receiver.origin}/api/webhooks/square/order-status/not-an-id` });
    for (const r of [a, b, c]) {
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ ok: false, error: "Not found" });
    }
    expect(await lastRow()).toMatchObject({ status: "rejected", verificationError: "unknown_connection" });
  });

  it("a disconnected connection's URL is 404 too", async () => {
    const [other] = await w.t.db
      .insert(connections)
      .values({ organizationId: w.tenant.org.id, restaurantId: w.tenant.restaurant.id, provider: "square", status: "disconnected" })
      .returning();
    const at = `${receiver.origin}/api/webhooks/square/order-status/${other!.id}`;
    expect((await post(envelope(), { at })).status).toBe(404);
  });

  it("valid signature, unknown order → stored and processed as unmatched, nothing changes", async () => {
    const before = await w.t.db.select().from(orderStatusHistory);
    expect((await post(envelope())).status).toBe(200);
    const [outcome] = await drain();
    expect(outcome!.status).toBe("unmatched");
    expect(await lastRow()).toMatchObject({ status: "unmatched", signatureValid: true, orderId: null });
    expect(await w.t.db.select().from(orderStatusHistory)).toHaveLength(before.length);
  });

  it("valid signature, unknown merchant → stored as unmatched at once", async () => {
    expect((await post(envelope({ merchant_id: "SOMEONE-ELSE" }))).status).toBe(200);
    expect(await lastRow()).toMatchObject({ status: "unmatched", connectionId: null });
    expect(h.dispatched).toEqual([]);
  });

  it("a per-restaurant URL for Square is verified over that URL", async () => {
    const at = `${receiver.origin}/api/webhooks/square/order-status/${w.connection.id}`;
    expect((await post(envelope(), { at })).status).toBe(200);
    expect(await lastRow()).toMatchObject({ status: "received", connectionId: w.connection.id });
  });

  it("two restaurants on one Square location (virtual brands): an order's events reach the restaurant that pushed it", async () => {
    // A second brand cooking in the same kitchen: its own restaurant, the same merchant and location.
    const brand = await makeTenant(w.t.db);
    const token = w.fake.issueToken();
    const second = await saveConnection(w.t.db, { organizationId: brand.org.id, userId: brand.user.id }, {
      restaurantId: brand.restaurant.id,
      provider: "square",
      credentials: { accessToken: token.accessToken, refreshToken: token.refreshToken, expiresAt: token.expiresAt },
      locationId: w.connection.externalLocationId!,
      merchantId: w.connection.externalMerchantId!,
    });
    try {
      const { order, job } = await createOrder(w.t.db, brand.org.id, {
        restaurantId: brand.restaurant.id,
        externalId: `MKT-BRAND-${Date.now()}`,
        currency: "USD",
        customer: { name: "Priya Raman", phone: "+14155550101" },
        type: "pickup",
        items: [{ dishId: "dish-paneer", name: "Paneer Butter Masala", quantity: 1, unitPrice: 1450 }],
      });
      await runSyncJob(w.t.db, job.id);
      const [pushed] = await w.t.db.select().from(orders).where(eq(orders.id, order.id));
      await w.fake.flushWebhooks();
      h.dispatched.length = 0;

      await w.fake.advanceOrder(pushed!.posOrderId!, "PREPARED");
      // Filed at ingest under the older connection of the two (the sender names only merchant + location) …
      expect((await rows()).filter((r) => r.status === "received").every((r) => r.connectionId === w.connection.id)).toBe(true);
      const outcomes = await drain();
      // … and processed against the one whose restaurant has the order.
      expect(outcomes.map((o) => o.status)).toContain("processed");
      expect((await w.t.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("ready");
      const processed = (await rows()).filter((r) => r.status === "processed" && r.orderId === order.id);
      expect(processed.length).toBeGreaterThan(0);
      expect(processed.every((r) => r.connectionId === second.id)).toBe(true);

      // A menu change on the shared POS resyncs both restaurants.
      h.dispatched.length = 0;
      expect(await w.fake.emitWebhook({ notificationUrl: url, signatureKey: KEY, type: "catalog.version.updated", data: { type: "catalog", id: "", object: { catalog_version: { updated_at: new Date().toISOString() } } } })).toBe(200);
      await drain();
      const resynced = h.dispatched.filter((e) => e.name === "switchboard/menu.changed").map((e) => e.data.connectionId);
      expect(resynced.sort()).toEqual([w.connection.id, second.id].sort());
    } finally {
      await w.t.db.update(connections).set({ status: "disconnected" }).where(eq(connections.id, second.id));
    }
  });

  // Last: it takes the shared connection offline.
  it("oauth.authorization.revoked from the fake → the connection needs reauth", async () => {
    const status = await w.fake.emitWebhook({ notificationUrl: url, signatureKey: KEY, type: "oauth.authorization.revoked", data: { type: "revocation", id: "r1", object: { revocation: { revoker_type: "MERCHANT" } } } });
    expect(status).toBe(200);
    const [outcome] = await drain();
    expect(outcome!.status).toBe("processed");
    const [conn] = await w.t.db.select().from(connections).where(eq(connections.id, w.connection.id));
    expect(conn).toMatchObject({ status: "needs_reauth", health: "offline" });
  });
});
