/**
 * Seed 001 end to end through the real route handlers: a real API key, the real Square adapter
 * against the fake, jobs run explicitly (dispatch is recorded, never run in the background).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createOrderPOST } from "~/app/api/v1/orders/route";
import type { Db } from "~/db/client";
import { connections, orders, restaurants, syncJobs } from "~/db/schema";
import { createApiKey, revokeApiKey } from "~/server/api-keys/manage";
import { readCredentials } from "~/server/connections/credentials";
import { FAKE_SQUARE_LOCATION_IDS } from "~/server/integrations/square/fake";
import { posHistoryResponseSchema, posIntegrationSchema, posStatsResponseSchema, posSyncResponseSchema, successEnvelopeSchema } from "~/server/rest/schemas";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { POST as connectPOST } from "./connect/route";
import { POST as disconnectPOST } from "./disconnect/route";
import { GET as historyGET } from "./history/[businessId]/route";
import { GET as integrationGET } from "./integration/[businessId]/route";
import { GET as statsGET } from "./stats/[businessId]/route";
import { POST as syncPOST } from "./sync/[orderId]/route";

// Route handlers open "the app's" database: point them at this file's world (PGlite or TEST_DATABASE_URL).
const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as { name: string; data: Record<string, unknown> }[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
// Jobs are run explicitly here; record what would have been handed to the jobs driver.
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));
// No sessions in this file: every call authenticates with an API key (next-auth needs a Next request scope).
vi.mock("~/server/auth", () => ({ auth: async () => null }));

type World = Awaited<ReturnType<typeof squareWorld>>;
type Tenant = Awaited<ReturnType<typeof makeTenant>>;
let w: World;
let a: Tenant;
let b: Tenant;
let aSecond: { id: string };
let keyA: string;
let keyB: string;
let revokedKeyA: string;
let token: ReturnType<World["fake"]["issueToken"]>;

const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 5_000 });
const BASE = "http://localhost/api/v1";

beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
  a = await makeTenant(w.t.db, { name: "Alpha" });
  b = await makeTenant(w.t.db, { name: "Bravo" });
  const [annex] = await w.t.db.insert(restaurants).values({ organizationId: a.org.id, name: "Alpha Annex", currency: "USD" }).returning();
  aSecond = annex!;
  keyA = (await createApiKey(w.t.db, { organizationId: a.org.id, actorUserId: a.user.id, name: "Marketplace A" })).plaintext;
  keyB = (await createApiKey(w.t.db, { organizationId: b.org.id, actorUserId: b.user.id, name: "Marketplace B" })).plaintext;
  const revoked = await createApiKey(w.t.db, { organizationId: a.org.id, actorUserId: a.user.id, name: "Old" });
  await revokeApiKey(w.t.db, { organizationId: a.org.id, actorUserId: a.user.id, id: revoked.key.id });
  revokedKeyA = revoked.plaintext;
  token = w.fake.issueToken();
});
afterAll(() => w.dispose());

// ─── Calling the handlers the way Next does ─────────────────────────────────────────

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { key?: string | null; body?: unknown; params?: Record<string, string>; query?: string };

async function call(handler: Handler, method: "GET" | "POST", path: string, opts: Call = {}) {
  const headers: Record<string, string> = {};
  if (opts.key !== null) headers.authorization = `Bearer ${opts.key ?? keyA}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${BASE}${path}${opts.query ? `?${opts.query}` : ""}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  return { status: res.status, text, json: JSON.parse(text) as any };
}

const connectBody = (businessId: string, over: Record<string, unknown> = {}) => ({
  business_id: businessId,
  provider: "square",
  access_token: token.accessToken,
  refresh_token: token.refreshToken,
  token_expires_at: token.expiresAt.toISOString(),
  location_id: FAKE_SQUARE_LOCATION_IDS[0],
  merchant_id: token.merchantId,
  ...over,
});

const connect = (opts: Call) => call(connectPOST as Handler, "POST", "/pos/connect", opts);
const disconnect = (opts: Call) => call(disconnectPOST as Handler, "POST", "/pos/disconnect", opts);
const integration = (businessId: string, opts: Call = {}) =>
  call(integrationGET as Handler, "GET", `/pos/integration/${businessId}`, { ...opts, params: { businessId } });
const history = (businessId: string, opts: Call = {}) => call(historyGET as Handler, "GET", `/pos/history/${businessId}`, { ...opts, params: { businessId } });
const stats = (businessId: string, opts: Call = {}) => call(statsGET as Handler, "GET", `/pos/stats/${businessId}`, { ...opts, params: { businessId } });
const sync = (orderId: string, opts: Call = {}) => call(syncPOST as Handler, "POST", `/pos/sync/${orderId}`, { ...opts, params: { orderId } });

let seq = 0;
async function placeOrder(restaurantId = a.restaurant.id) {
  const res = await call(createOrderPOST as Handler, "POST", "/orders", {
    body: {
      restaurant_id: restaurantId,
      external_id: `POS-API-${++seq}`,
      currency: "USD",
      customer: { name: "Priya Raman", phone: "+14155550101" },
      type: "pickup",
      items: [{ dish_id: "dish-paneer", name: "Paneer Butter Masala", quantity: 2, unit_price: 1450 }],
    },
  });
  expect(res.status).toBe(201);
  const orderId = res.json.data.order.id as string;
  const job = (await w.t.db.query.syncJobs.findFirst({ where: eq(syncJobs.orderId, orderId) }))!;
  return { orderId, jobId: job.id };
}

const jobOf = async (orderId: string) => (await w.t.db.query.syncJobs.findFirst({ where: eq(syncJobs.orderId, orderId) }))!;
const connectionsOf = (restaurantId: string) => w.t.db.select().from(connections).where(eq(connections.restaurantId, restaurantId));

/** Every key of a JSON value, at any depth. */
function keysDeep(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysDeep(v, out);
    }
  }
  return out;
}

function expectNoTokens(text: string) {
  expect(text).not.toContain(token.accessToken);
  expect(text).not.toContain(token.refreshToken);
  expect(keysDeep(JSON.parse(text)).filter((k) => /token|credential|secret|cipher/i.test(k))).toEqual([]);
}

// ─── Authentication ─────────────────────────────────────────────────────────────────

describe("authentication on every endpoint", () => {
  const someId = randomUUID();
  const endpoints: [string, (opts: Call) => ReturnType<typeof call>][] = [
    ["POST /pos/connect", (o) => connect({ ...o, body: connectBody(a.restaurant.id) })],
    ["POST /pos/disconnect", (o) => disconnect({ ...o, body: { business_id: a.restaurant.id } })],
    ["GET /pos/integration/:businessId", (o) => integration(a.restaurant.id, o)],
    ["POST /pos/sync/:orderId", (o) => sync(someId, o)],
    ["GET /pos/history/:businessId", (o) => history(a.restaurant.id, o)],
    ["GET /pos/stats/:businessId", (o) => stats(a.restaurant.id, o)],
  ];

  it.each(endpoints)("%s: no header, a wrong key and a revoked key are 401, and nothing is written", async (_name, send) => {
    const wrongKey = `sb_live_${"A".repeat(43)}`;
    for (const key of [null, wrongKey, revokedKeyA]) {
      const res = await send({ key });
      expect(res.status, String(key)).toBe(401);
      expect(res.json).toMatchObject({ success: false, data: null });
    }
    expect(await connectionsOf(a.restaurant.id)).toEqual([]);
  });
});

// ─── Validation ─────────────────────────────────────────────────────────────────────

describe("bad input is 400 with field errors", () => {
  it("connect without location_id, with a non-uuid business_id or without an access token; nothing is stored", async () => {
    const { location_id: _l, ...noLocation } = connectBody(a.restaurant.id);
    const res = await connect({ body: noLocation });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ success: false, data: null, message: "Validation failed" });
    expect(Object.keys(res.json.errors)).toEqual(["location_id"]);

    const badId = await connect({ body: connectBody("not-a-uuid") });
    expect([badId.status, Object.keys(badId.json.errors)]).toEqual([400, ["business_id"]]);

    const noToken = await connect({ body: connectBody(a.restaurant.id, { access_token: "" }) });
    expect([noToken.status, Object.keys(noToken.json.errors)]).toEqual([400, ["access_token"]]);
    // The rejected body's token is not echoed back.
    expect(res.text + badId.text).not.toContain(token.accessToken);
    expect(await connectionsOf(a.restaurant.id)).toEqual([]);
  });

  it("history rejects limit=0, limit=201, a negative offset and an unknown status", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["limit=abc", "limit"],
      ["offset=-1", "offset"],
      ["status=done", "status"],
    ] as const) {
      const res = await history(a.restaurant.id, { query });
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.json.errors), query).toEqual([field]);
    }
  });

  it("non-uuid ids in the path, and a disconnect without business_id", async () => {
    for (const send of [integration, history, stats]) {
      const res = await send("123");
      expect(res.status).toBe(400);
      expect(res.json.errors).toHaveProperty("businessId");
    }
    const s = await sync("order-1");
    expect([s.status, Object.keys(s.json.errors)]).toEqual([400, ["orderId"]]);
    const d = await disconnect({ body: {} });
    expect([d.status, Object.keys(d.json.errors)]).toEqual([400, ["business_id"]]);
  });
});

// ─── The seed-001 lifecycle (tests below run in order and share state) ───────────────

describe("connect → sync → history/stats → disconnect", () => {
  const ids: { integration?: string; ok1?: string; ok2?: string; rejected?: string; flaky?: string } = {};

  it("GET integration is 404 before anything is connected", async () => {
    const res = await integration(a.restaurant.id);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ success: false, data: null, message: "No POS integration for this restaurant" });
  });

  it("POST /pos/connect answers the seed's envelope without any token field", async () => {
    const res = await connect({ body: connectBody(a.restaurant.id) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, message: "square POS integration connected successfully" });
    const { integration: i } = res.json.data;
    expect(Object.keys(res.json.data)).toEqual(["integration"]);
    expect(Object.keys(i).sort()).toEqual(Object.keys(posIntegrationSchema.shape).sort());
    expect(i).toMatchObject({
      business_id: a.restaurant.id,
      provider: "square",
      is_active: true,
      status: "active",
      location_id: FAKE_SQUARE_LOCATION_IDS[0],
      merchant_id: token.merchantId,
      auto_sync_orders: true,
      sync_customer_info: true,
      last_sync_at: null,
      error_count: 0,
      last_error: null,
    });
    expectNoTokens(res.text);
    // Stored encrypted: the row holds no token in the clear, yet opens to the same tokens.
    const [row] = await connectionsOf(a.restaurant.id);
    expect(row?.id).toBe(i.id);
    expect(JSON.stringify(row)).not.toContain(token.accessToken);
    expect(readCredentials(row!)).toMatchObject({ accessToken: token.accessToken, refreshToken: token.refreshToken });
    ids.integration = i.id;
  });

  it("GET integration returns it without tokens; a restaurant without a connection is 404", async () => {
    const res = await integration(a.restaurant.id);
    expect(res.status).toBe(200);
    expect(res.json.data.integration).toMatchObject({ id: ids.integration, is_active: true, location_id: FAKE_SQUARE_LOCATION_IDS[0] });
    expectNoTokens(res.text);
    const none = await integration(aSecond.id);
    expect(none.status).toBe(404);
  });

  it("orders sync through the adapter: two succeed, one is rejected by the POS", async () => {
    const o1 = await placeOrder();
    const o2 = await placeOrder();
    const o3 = await placeOrder();
    expect((await runSyncJob(w.t.db, o1.jobId, { settings })).status).toBe("success");
    expect((await runSyncJob(w.t.db, o2.jobId, { settings })).status).toBe("success");
    w.fake.faults.next("POST /v2/orders", { status: 400, code: "INVALID_VALUE", detail: "bad line item" });
    expect((await runSyncJob(w.t.db, o3.jobId, { settings })).status).toBe("failed");
    expect(w.posOrders().map((o) => o.reference_id).sort()).toEqual([o1.orderId, o2.orderId].sort());
    Object.assign(ids, { ok1: o1.orderId, ok2: o2.orderId, rejected: o3.orderId });
  });

  it("GET stats: the seed's fields, success_rate = successful / total × 100 to one decimal", async () => {
    const res = await stats(a.restaurant.id);
    expect(res.status).toBe(200);
    expect(() => successEnvelopeSchema(posStatsResponseSchema).parse(res.json)).not.toThrow();
    expect(res.json.data).toEqual({
      stats: { total_syncs: 3, successful_syncs: 2, failed_syncs: 1, pending_retries: 0, success_rate: 66.7 },
    });
    // A restaurant with no syncs at all: zeros, not NaN.
    const empty = await stats(aSecond.id);
    expect(empty.json.data.stats).toEqual({ total_syncs: 0, successful_syncs: 0, failed_syncs: 0, pending_retries: 0, success_rate: 0 });
  });

  it("GET history: newest first, paginated with limit/offset, filtered by status, with total", async () => {
    const all = await history(a.restaurant.id);
    expect(all.status).toBe(200);
    expect(() => successEnvelopeSchema(posHistoryResponseSchema).parse(all.json)).not.toThrow();
    expect(all.json.data).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.json.data.logs.map((l: { order_id: string }) => l.order_id)).toEqual([ids.rejected, ids.ok2, ids.ok1]);

    const page1 = await history(a.restaurant.id, { query: "limit=2&offset=0" });
    const page2 = await history(a.restaurant.id, { query: "limit=2&offset=2" });
    expect(page1.json.data).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page2.json.data).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect([...page1.json.data.logs, ...page2.json.data.logs].map((l: { order_id: string }) => l.order_id)).toEqual([
      ids.rejected,
      ids.ok2,
      ids.ok1,
    ]);
    const beyond = await history(a.restaurant.id, { query: "limit=2&offset=10" });
    expect(beyond.json.data).toMatchObject({ logs: [], total: 3 });

    const ok = await history(a.restaurant.id, { query: "status=success" });
    expect(ok.json.data.total).toBe(2);
    const posIds = new Set(w.posOrders().map((o) => o.id));
    for (const log of ok.json.data.logs) {
      expect(log).toMatchObject({ status: "success", provider: "square", retry_count: 0, error_message: null, next_retry_at: null });
      expect(posIds.has(log.pos_order_id)).toBe(true);
      expect(log.duration_ms).toEqual(expect.any(Number));
      expect(log.completed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const failed = await history(a.restaurant.id, { query: "status=failed" });
    expect(failed.json.data.total).toBe(1);
    expect(failed.json.data.logs[0]).toMatchObject({ order_id: ids.rejected, status: "failed", pos_order_id: null, retry_count: 1 });
    expect(failed.json.data.logs[0].error_message).toEqual(expect.any(String));
    expect((await history(a.restaurant.id, { query: "status=retry" })).json.data).toEqual({ logs: [], total: 0, limit: 50, offset: 0 });
  });

  it("POST /pos/sync/:orderId on the failed order → syncLog pending, queued for the jobs driver", async () => {
    h.dispatched.length = 0;
    const res = await sync(ids.rejected!);
    expect(res.status).toBe(200);
    expect(() => successEnvelopeSchema(posSyncResponseSchema).parse(res.json)).not.toThrow();
    expect(res.json).toMatchObject({
      success: true,
      message: "Order sync initiated",
      data: { syncLog: { order_id: ids.rejected, status: "pending", provider: "square", retry_count: 0, completed_at: null } },
    });
    const job = await jobOf(ids.rejected!);
    expect(res.json.data.syncLog.id).toBe(job.id);
    expect(job.status).toBe("pending");
    expect(h.dispatched).toEqual([
      { name: "switchboard/order.sync-requested", data: expect.objectContaining({ jobId: job.id, manual: true }) },
    ]);
    expect((await stats(a.restaurant.id)).json.data.stats).toMatchObject({ failed_syncs: 0, pending_retries: 1 });
    // Running the queued job now gets it into the POS.
    expect((await runSyncJob(w.t.db, job.id, { settings, manual: true })).status).toBe("success");
    expect(w.posOrders().filter((o) => o.reference_id === ids.rejected)).toHaveLength(1);
  });

  it("POST /pos/sync/:orderId on an order already in the POS is 409 and sends nothing", async () => {
    h.dispatched.length = 0;
    const res = await sync(ids.ok1!);
    expect(res.status).toBe(409);
    expect(h.dispatched).toEqual([]);
    expect((await jobOf(ids.ok1!)).status).toBe("success");
  });

  it("a 5xx from the POS counts as a pending retry", async () => {
    const o4 = await placeOrder();
    w.fake.faults.next("POST /v2/orders", { status: 503 });
    expect((await runSyncJob(w.t.db, o4.jobId, { settings })).status).toBe("retry");
    ids.flaky = o4.orderId;
    expect((await stats(a.restaurant.id)).json.data.stats).toEqual({
      total_syncs: 4,
      successful_syncs: 3,
      failed_syncs: 0,
      pending_retries: 1,
      success_rate: 75,
    });
    const retry = await history(a.restaurant.id, { query: "status=retry" });
    expect(retry.json.data.logs).toEqual([expect.objectContaining({ order_id: o4.orderId, retry_count: 1, next_retry_at: expect.any(String) })]);
  });

  describe("tenant isolation: org B's key against org A's ids is 404 and changes nothing", () => {
    it("GET integration, history and stats", async () => {
      for (const send of [integration, history, stats]) {
        const theirs = await send(a.restaurant.id, { key: keyB });
        expect(theirs.status).toBe(404);
        expect(theirs.json).toEqual({ success: false, data: null, message: "Restaurant not found" });
        // Indistinguishable from an id that does not exist at all.
        const unknown = await send(randomUUID(), { key: keyB });
        expect([unknown.status, unknown.json.message]).toEqual([404, theirs.json.message]);
      }
    });

    it("POST connect does not touch A's connection", async () => {
      const before = await connectionsOf(a.restaurant.id);
      const other = w.fake.issueToken();
      const res = await connect({ key: keyB, body: connectBody(a.restaurant.id, { access_token: other.accessToken, location_id: FAKE_SQUARE_LOCATION_IDS[1] }) });
      expect(res.status).toBe(404);
      expect(await connectionsOf(a.restaurant.id)).toEqual(before);
      expect(await connectionsOf(b.restaurant.id)).toEqual([]);
    });

    it("POST disconnect leaves A connected", async () => {
      const res = await disconnect({ key: keyB, body: { business_id: a.restaurant.id } });
      expect(res.status).toBe(404);
      expect((await integration(a.restaurant.id)).json.data.integration).toMatchObject({ id: ids.integration, is_active: true });
    });

    it("POST sync of A's order does not queue it", async () => {
      h.dispatched.length = 0;
      const before = await jobOf(ids.flaky!);
      const res = await sync(ids.flaky!, { key: keyB });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ success: false, data: null, message: "Order not found" });
      expect(await jobOf(ids.flaky!)).toEqual(before);
      expect(h.dispatched).toEqual([]);
      expect((await sync(randomUUID(), { key: keyB })).json.message).toBe("Order not found");
    });
  });

  it("POST /pos/disconnect: inactive, tokens erased, history kept", async () => {
    const res = await disconnect({ body: { business_id: a.restaurant.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, message: "POS integration disconnected successfully" });
    expect(res.json.data.integrations).toEqual([expect.objectContaining({ id: ids.integration, is_active: false, status: "disconnected" })]);
    expectNoTokens(res.text);

    const [row] = await connectionsOf(a.restaurant.id);
    expect(row).toMatchObject({ status: "disconnected", credentialsCiphertext: null, credentialsKeyId: null });
    expect((await integration(a.restaurant.id)).status).toBe(404);
    expect((await disconnect({ body: { business_id: a.restaurant.id } })).status).toBe(404);

    const after = await history(a.restaurant.id);
    expect(after.json.data.total).toBe(4);
    expect(new Set(after.json.data.logs.map((l: { order_id: string }) => l.order_id))).toEqual(
      new Set([ids.ok1, ids.ok2, ids.rejected, ids.flaky]),
    );
    expect((await stats(a.restaurant.id)).json.data.stats).toMatchObject({ total_syncs: 4, successful_syncs: 3 });
    const stored = await w.t.db.select({ id: orders.id }).from(orders).where(eq(orders.restaurantId, a.restaurant.id));
    expect(stored).toHaveLength(4);
  });
});
