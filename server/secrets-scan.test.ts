/**
 * No secret ever leaves the server: every read surface (tRPC and REST) and every log line
 * written while orders sync (a refresh, a success, a 401) is scanned for the POS tokens, the
 * API key, its hash and the sealed credentials.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createOrderPOST } from "~/app/api/v1/orders/route";
import { POST as connectPOST } from "~/app/api/v1/pos/connect/route";
import { POST as disconnectPOST } from "~/app/api/v1/pos/disconnect/route";
import { GET as historyGET } from "~/app/api/v1/pos/history/[businessId]/route";
import { GET as integrationGET } from "~/app/api/v1/pos/integration/[businessId]/route";
import { GET as statsGET } from "~/app/api/v1/pos/stats/[businessId]/route";
import { POST as syncPOST } from "~/app/api/v1/pos/sync/[orderId]/route";
import { GET as restaurantsGET } from "~/app/api/v1/restaurants/route";
import type { Db } from "~/db/client";
import { apiKeys, connections, syncJobs } from "~/db/schema";
import { env } from "~/env";
import { createApiKey } from "~/server/api-keys/manage";
import { readCredentials } from "~/server/connections/credentials";
import { refreshDueTokens } from "~/server/connections/refresh-due";
import { FAKE_SQUARE_LOCATION_IDS } from "~/server/integrations/square/fake";
import { logger } from "~/server/logger";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { callerFor, makeAdmin, makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";

// Before any import reads the environment: log everything, and keep every line the logger writes.
const h = vi.hoisted(() => {
  vi.stubEnv("LOG_LEVEL", "debug");
  const lines: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
  return { db: null as unknown as Db, lines };
});
vi.mock("~/db", () => ({ getDb: async () => h.db }));
// Jobs are run explicitly here; nothing runs in the background.
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());
vi.mock("~/server/auth", () => ({ auth: async () => null }));

type World = Awaited<ReturnType<typeof squareWorld>>;
let w: World;
let a: Awaited<ReturnType<typeof makeTenant>>;
let apiKey: string;
let admin: Awaited<ReturnType<typeof makeAdmin>>;

/** label → secret value; every value must appear nowhere below. */
const secrets = new Map<string, string>();
/** label → serialized response. */
const responses: [string, string][] = [];
const orderIds: string[] = [];

const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 5_000 });

function addSecret(label: string, value: string | null | undefined) {
  expect(value, label).toEqual(expect.any(String));
  expect(value!.length, label).toBeGreaterThanOrEqual(20); // long enough to never match by chance
  if (![...secrets.values()].includes(value!)) secrets.set(`${label}#${secrets.size}`, value!);
}

/** Every token and ciphertext currently stored, decrypted where needed. */
async function harvestStoredSecrets() {
  for (const row of await w.t.db.select().from(connections)) {
    if (!row.credentialsCiphertext) continue;
    addSecret("credentials ciphertext", row.credentialsCiphertext);
    const creds = readCredentials(row);
    addSecret("access token", creds.accessToken);
    addSecret("refresh token", creds.refreshToken);
  }
}

const leaksIn = (text: string) => [...secrets].filter(([, value]) => text.includes(value)).map(([label]) => label);

const record = (label: string, value: unknown) => {
  responses.push([label, typeof value === "string" ? value : JSON.stringify(value)]);
  return value;
};

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function rest(label: string, handler: Handler, method: "GET" | "POST", path: string, opts: { body?: unknown; params?: Record<string, string>; key?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${opts.key ?? apiKey}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost/api/v1${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  record(`REST ${label} → ${res.status}`, text);
  return { status: res.status, json: JSON.parse(text) as { data: Record<string, unknown> } };
}

function connectBody(t: ReturnType<World["fake"]["issueToken"]>, over: Record<string, unknown> = {}) {
  return {
    business_id: a.restaurant.id,
    provider: "square",
    access_token: t.accessToken,
    refresh_token: t.refreshToken,
    token_expires_at: t.expiresAt.toISOString(),
    location_id: FAKE_SQUARE_LOCATION_IDS[0],
    merchant_id: t.merchantId,
    ...over,
  };
}

async function placeOrder(n: number) {
  const res = await rest(`POST /orders #${n}`, createOrderPOST as Handler, "POST", "/orders", {
    body: {
      restaurant_id: a.restaurant.id,
      external_id: `SCAN-${n}`,
      currency: "USD",
      customer: { name: "Priya Raman", phone: "+14155550101" },
      type: "pickup",
      items: [{ dish_id: "dish-paneer", name: "Paneer Butter Masala", quantity: 1, unit_price: 1450 }],
    },
  });
  expect(res.status).toBe(201);
  const orderId = (res.json.data as { order: { id: string } }).order.id;
  orderIds.push(orderId);
  return { orderId, jobId: (await w.t.db.query.syncJobs.findFirst({ where: eq(syncJobs.orderId, orderId) }))!.id };
}

beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
  a = await makeTenant(w.t.db, { name: "Scanned" });
  admin = await makeAdmin(w.t.db);
  apiKey = (await createApiKey(w.t.db, { organizationId: a.org.id, actorUserId: a.user.id, name: "Marketplace" })).plaintext;
  addSecret("API key", apiKey);
  for (const k of await w.t.db.select({ hash: apiKeys.keyHash }).from(apiKeys)) addSecret("API key hash", k.hash);
  // A token close to expiry, so the first POS call refreshes it (and logs that).
  const token = w.fake.issueToken({ ttlMs: 60 * 60_000 });
  addSecret("access token (connect)", token.accessToken);
  addSecret("refresh token (connect)", token.refreshToken);
  const res = await rest("POST /pos/connect", connectPOST as Handler, "POST", "/pos/connect", { body: connectBody(token) });
  expect(res.status).toBe(200);
  await harvestStoredSecrets(); // includes squareWorld's own connection
});
afterAll(async () => {
  await w.dispose();
  vi.unstubAllEnvs();
});

describe("secrets never leave the server", () => {
  it("the logger writes at debug level into the captured console", () => {
    expect(env.LOG_LEVEL).toBe("debug");
    logger.debug("scan.probe", { n: 1 });
    expect(h.lines.some((l) => l.includes('"msg":"scan.probe"'))).toBe(true);
  });

  it("a sync that refreshes the token and succeeds, and syncs that fail with a 401", async () => {
    const ok = await placeOrder(1);
    expect((await runSyncJob(w.t.db, ok.jobId, { settings })).status).toBe("success");
    expect(h.lines.some((l) => l.includes("connection.token_refreshed"))).toBe(true);
    await harvestStoredSecrets(); // the refreshed tokens and their new ciphertext
    expect(secrets.size).toBeGreaterThanOrEqual(10);

    // The POS answers 401 to the order…
    const rejected = await placeOrder(2);
    w.fake.faults.next("POST /v2/orders", { status: 401 });
    expect((await runSyncJob(w.t.db, rejected.jobId, { settings })).status).toBe("needs_reauth");

    // …and a merchant that revoked its authorization in Square gets a real 401 from the fake.
    const { order, job } = await w.order();
    orderIds.push(order.id);
    w.fake.revokeToken(readCredentials(w.connection).accessToken!);
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("needs_reauth");
    expect(w.posOrders().map((o) => o.reference_id)).toEqual([ok.orderId]);
  });

  it("token refreshes the POS refuses (5xx, then 401) are logged without the tokens", async () => {
    const expiring = w.fake.issueToken({ ttlMs: 60 * 60_000 });
    addSecret("access token (expiring)", expiring.accessToken);
    addSecret("refresh token (expiring)", expiring.refreshToken);
    expect((await rest("POST /pos/connect (expiring)", connectPOST as Handler, "POST", "/pos/connect", { body: connectBody(expiring) })).status).toBe(200);
    await harvestStoredSecrets();
    const failuresBefore = h.lines.filter((l) => l.includes("connection.refresh_failed")).length;
    w.fake.faults.next("POST /oauth2/token", { status: 503 });
    expect(await refreshDueTokens(w.t.db)).toEqual({ due: 1, refreshed: 0 });
    w.fake.faults.next("POST /oauth2/token", { status: 401 });
    expect(await refreshDueTokens(w.t.db)).toEqual({ due: 1, refreshed: 0 });
    const conn = await w.t.db.query.connections.findFirst({ where: eq(connections.restaurantId, a.restaurant.id) });
    expect(conn?.status).toBe("needs_reauth");
    const failures = h.lines.filter((l) => l.includes("connection.refresh_failed"));
    expect(failures.length - failuresBefore).toBe(2);
    // The logged error says what happened, with its message and stack.
    expect(failures.at(-1)).toContain('"error":{"name":');
  });

  it("every tRPC read surface, as the owner and as a platform admin", async () => {
    const api = callerFor(w.t.db, a.user);
    const restaurantId = a.restaurant.id;
    // The connection needs re-authorization after the 401: reconnect so the POS reads work.
    const fresh = w.fake.issueToken();
    addSecret("access token (reconnect)", fresh.accessToken);
    addSecret("refresh token (reconnect)", fresh.refreshToken);
    expect((await rest("POST /pos/connect (reconnect)", connectPOST as Handler, "POST", "/pos/connect", { body: connectBody(fresh) })).status).toBe(200);
    await harvestStoredSecrets();

    record("integrations.providers", await api.integrations.providers());
    record("integrations.get", await api.integrations.get({ restaurantId }));
    record("integrations.locations", await api.integrations.locations({ restaurantId }));
    record("mapping.list", await api.mapping.list({ restaurantId }));
    record("integrations.test", await api.integrations.test({ restaurantId }));
    w.fake.faults.next("GET /v2/locations", { status: 401 });
    record("integrations.test (401)", await api.integrations.test({ restaurantId }));
    record("integrations.update", await api.integrations.update({ restaurantId, syncCustomerInfo: false }));
    record("orders.list", await api.orders.list({ restaurantId }));
    for (const orderId of orderIds.slice(0, 2)) record(`orders.detail ${orderId}`, await api.orders.detail({ restaurantId, orderId }));
    record("orders.create", await api.orders.create({ restaurantId, externalId: "SCAN-UI", currency: "USD", customer: { name: "Walk-in" }, type: "dine_in", items: [{ name: "Chai", quantity: 1, unitPrice: 300 }] }));
    record("orders.sendTest", await api.orders.sendTest({ restaurantId }));
    record("orders.retry", await api.orders.retry({ orderId: orderIds[1]! }));
    record("sync.history", await api.sync.history({ restaurantId }));
    record("sync.stats", await api.sync.stats({ restaurantId }));
    record("overview.restaurant", await api.overview.restaurant({ restaurantId }));
    record("organization.current", await api.organization.current());
    record("organization.members", await api.organization.members());
    record("restaurants.list", await api.restaurants.list());
    record("apiKeys.list", await api.apiKeys.list());

    const root = callerFor(w.t.db, admin);
    record("admin.overview", await root.admin.overview());
    record("admin.restaurants", await root.admin.restaurants());
    record("admin.audit", await root.admin.audit({ limit: 200 }));
    record("admin.webhooks", await root.admin.webhooks({}));
  });

  it("every REST response, including errors", async () => {
    const restaurantId = a.restaurant.id;
    const params = { businessId: restaurantId };
    await rest("GET /restaurants", restaurantsGET as unknown as Handler, "GET", "/restaurants");
    await rest("GET /pos/integration", integrationGET as Handler, "GET", `/pos/integration/${restaurantId}`, { params });
    await rest("GET /pos/history", historyGET as Handler, "GET", `/pos/history/${restaurantId}`, { params });
    await rest("GET /pos/stats", statsGET as Handler, "GET", `/pos/stats/${restaurantId}`, { params });
    await rest("POST /pos/sync", syncPOST as Handler, "POST", `/pos/sync/${orderIds[1]}`, { params: { orderId: orderIds[1]! } });
    await rest("POST /pos/sync (already synced)", syncPOST as Handler, "POST", `/pos/sync/${orderIds[0]}`, { params: { orderId: orderIds[0]! } });
    const stored = readCredentials((await w.t.db.query.connections.findFirst({ where: eq(connections.restaurantId, restaurantId) }))!);
    // Rejected bodies carrying tokens are not echoed back.
    await rest("POST /pos/connect (no location)", connectPOST as Handler, "POST", "/pos/connect", {
      body: { ...connectBody({ accessToken: stored.accessToken!, refreshToken: stored.refreshToken!, expiresAt: new Date(), merchantId: "M", scopes: [] }), location_id: "" },
    });
    await rest("POST /pos/connect (wrong key)", connectPOST as Handler, "POST", "/pos/connect", { key: `sb_live_${"C".repeat(43)}`, body: connectBody(w.fake.issueToken()) });
    await rest("GET /pos/integration (wrong key)", integrationGET as Handler, "GET", `/pos/integration/${restaurantId}`, { params, key: apiKey.slice(0, -1) });
    await rest("POST /pos/disconnect", disconnectPOST as Handler, "POST", "/pos/disconnect", { body: { business_id: restaurantId } });
    await rest("GET /pos/integration (disconnected)", integrationGET as Handler, "GET", `/pos/integration/${restaurantId}`, { params });
    record("integrations.disconnect (tRPC)", await callerFor(w.t.db, w.tenant.user).integrations.disconnect({ restaurantId: w.tenant.restaurant.id }));
    // Every REST call above answered.
    expect(responses.filter(([label]) => label.startsWith("REST")).length).toBeGreaterThanOrEqual(14);
  });

  it("the scan would catch a leak (the stored credentials do contain the tokens)", async () => {
    const [row] = await w.t.db.select().from(connections).limit(1);
    expect(leaksIn(JSON.stringify(row))).toEqual([]); // both disconnected now: ciphertext erased
    const creds = { accessToken: [...secrets].find(([l]) => l.startsWith("access token"))![1] };
    expect(leaksIn(JSON.stringify(creds))).toHaveLength(1);
  });

  it("no response and no log line contains any secret", () => {
    expect(responses.length).toBeGreaterThanOrEqual(35);
    for (const [label, text] of responses) expect(leaksIn(text), label).toEqual([]);
    expect(h.lines.length).toBeGreaterThan(0);
    for (const line of h.lines) expect(leaksIn(line), line.slice(0, 200)).toEqual([]);
  });
});
