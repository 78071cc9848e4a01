/**
 * A local Square: a real HTTP server speaking Square's wire format (paths, snake_case JSON,
 * integer minor-unit money, `{errors:[...]}` bodies, bearer auth, OAuth pages, signed webhooks)
 * with fault injection (DESIGN "Fakes and the sandbox"). Tests and e2e point the adapter's base
 * URL here; in development `tsx server/integrations/fake-cli.ts square` runs it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fakeControl } from "./fake-control";
import { faultResponse, FaultQueue } from "./fake-faults";
import { readBody, write, type FakeContext, type FakeHandler, type FakeResponse } from "./fake-http";
import { authenticate, authorizeDecision, authorizePage, issueToken, obtainToken, revokeMerchant, revokeToken, type FakeIssuedToken } from "./fake-oauth";
import { advanceFulfillment, notifyChanges } from "./fake-order-update";
import { createOrder, getOrder, updateOrder } from "./fake-orders";
import { createPayment } from "./fake-payments";
import { batchChangeInventory } from "./fake-inventory";
import { listCatalog, listLocations } from "./fake-merchant";
import { FAKE_SQUARE_MERCHANT_ID, seedCatalog, seedLocations } from "./fake-seed";
import type { FakeSquareApp, FakeSquareQuirks, FakeSquareState, FakeWebhookSubscription, WireOrder } from "./fake-types";
import { createNotifier, emitWebhook, type EmitWebhookInput } from "./fake-webhooks";

export { FAKE_SQUARE_LOCATION_IDS, FAKE_SQUARE_MERCHANT_ID, FAKE_SQUARE_MODIFIER_IDS, fakeItemId, fakeVariationId } from "./fake-seed";
export type { FakeFault } from "./fake-faults";

/** The demo app registered with the fake; used by default so `npm run fake` just works. */
export const FAKE_SQUARE_CLIENT_ID = "sandbox-sq0idb-switchboard-demo";
export const FAKE_SQUARE_CLIENT_SECRET = "sandbox-sq0csb-switchboard-demo-secret";

export type StartFakeSquareOptions = {
  port?: number;
  host?: "127.0.0.1";
  app?: Partial<FakeSquareApp>;
  merchantId?: string;
  currency?: string;
  catalogSize?: number;
  webhooks?: FakeWebhookSubscription[];
  quirks?: Partial<FakeSquareQuirks>;
};

export type FakeSquare = {
  url: string;
  state: FakeSquareState;
  faults: FaultQueue;
  close(): Promise<void>;
  /** A valid token without the browser dance (all scopes unless narrowed). */
  issueToken(opts?: { scopes?: string[]; ttlMs?: number }): FakeIssuedToken;
  expireToken(accessToken: string): void;
  /** Revokes the token's merchant authorization, as the seller would in their dashboard. */
  revokeToken(accessToken: string): void;
  subscribe(sub: FakeWebhookSubscription): void;
  emitWebhook(input: EmitWebhookInput): Promise<number>;
  /** The kitchen moves an order's fulfillment (e.g. "PREPARED"); emits order.fulfillment.updated + order.updated to subscriptions. */
  advanceOrder(orderId: string, fulfillmentState: string): Promise<{ order: WireOrder; statuses: number[] }>;
  /** Waits for webhooks the fake queued on its own (order.created etc.). */
  flushWebhooks(): Promise<void>;
};

type Route = { method: string; path: RegExp; handler: FakeHandler };
const ROUTES: Route[] = [
  { method: "GET", path: /^\/oauth2\/authorize$/, handler: authorizePage },
  { method: "POST", path: /^\/oauth2\/authorize$/, handler: authorizeDecision },
  { method: "POST", path: /^\/oauth2\/token$/, handler: obtainToken },
  { method: "POST", path: /^\/oauth2\/revoke$/, handler: revokeToken },
  { method: "GET", path: /^\/v2\/locations$/, handler: listLocations },
  { method: "POST", path: /^\/v2\/orders$/, handler: createOrder },
  { method: "GET", path: /^\/v2\/orders\/([^/]+)$/, handler: getOrder },
  { method: "PUT", path: /^\/v2\/orders\/([^/]+)$/, handler: updateOrder },
  { method: "POST", path: /^\/v2\/payments$/, handler: createPayment },
  { method: "GET", path: /^\/v2\/catalog\/list$/, handler: listCatalog },
  { method: "POST", path: /^\/v2\/inventory\/changes\/batch-create$/, handler: batchChangeInventory },
];

export async function startFakeSquare(opts: StartFakeSquareOptions = {}): Promise<FakeSquare> {
  const currency = opts.currency ?? "USD";
  const merchantId = opts.merchantId ?? FAKE_SQUARE_MERCHANT_ID;
  const state: FakeSquareState = {
    app: { clientId: FAKE_SQUARE_CLIENT_ID, clientSecret: FAKE_SQUARE_CLIENT_SECRET, name: "Switchboard (demo)", ...opts.app },
    merchantId,
    quirks: { idempotencyKeyReusedCode: "IDEMPOTENCY_KEY_REUSED", versionMismatchCode: "VERSION_MISMATCH", authCodeTtlMs: 5 * 60_000, accessTokenTtlMs: 30 * 86_400_000, catalogPageSize: 100, ...opts.quirks },
    locations: seedLocations(merchantId, currency),
    catalog: seedCatalog(currency, opts.catalogSize),
    orders: new Map(),
    payments: new Map(),
    requests: [],
    subscriptions: [...(opts.webhooks ?? [])],
    webhookDeliveries: [],
    tokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    idempotency: new Map(),
  };
  const faults = new FaultQueue();
  const inflight = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  const notify = createNotifier(state, inflight);

  async function advance(orderId: string, fulfillmentState: string) {
    const order = state.orders.get(orderId);
    if (!order) throw new Error(`Fake Square has no order ${orderId}`);
    const changes = advanceFulfillment(order, fulfillmentState);
    const deliveries: Promise<number[]>[] = [];
    notifyChanges((t, d) => void deliveries.push(notify(t, d)), order, changes);
    return { order, statuses: (await Promise.all(deliveries)).flat() };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake.local");
    const method = req.method ?? "GET";
    let json: unknown;
    try {
      json = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      json = undefined;
    }
    const control = await fakeControl(method, url.pathname, json, state, faults, advance);
    if (control) return write(res, control);
    const idempotencyKey = typeof (json as { idempotency_key?: unknown } | undefined)?.idempotency_key === "string" ? (json as { idempotency_key: string }).idempotency_key : undefined;
    const fault = faults.take(method, url.pathname);
    const squareVersion = typeof req.headers["square-version"] === "string" ? req.headers["square-version"] : undefined;
    const log = (status: number) =>
      state.requests.push({ at: new Date().toISOString(), method, path: url.pathname, idempotencyKey, squareVersion, status, ...(fault ? { fault: "delayMs" in fault ? ("delay" as const) : ("status" as const) } : {}) });
    if (fault && "status" in fault) {
      const r = faultResponse(fault);
      log(r.status);
      return write(res, r);
    }
    const ctx: FakeContext = { state, req: { method, url, headers: req.headers, rawBody, json }, params: [], notify: (t, d) => void notify(t, d) };
    const result = await route(ctx);
    log(result.status);
    if (fault && "delayMs" in fault) {
      // Processed now, answered late: the client times out although Square acted.
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) write(res, result);
      }, fault.delayMs);
      timers.add(timer);
      return;
    }
    write(res, result);
  }

  async function route(ctx: FakeContext): Promise<FakeResponse> {
    const path = ctx.req.url.pathname;
    const matched = ROUTES.find((r) => r.method === ctx.req.method && r.path.test(path));
    if (!matched) return { status: 404, json: { errors: [{ category: "INVALID_REQUEST_ERROR", code: "NOT_FOUND", detail: `No route ${ctx.req.method} ${path}` }] } };
    ctx.params = (matched.path.exec(path) ?? []).slice(1).map(decodeURIComponent);
    if (path.startsWith("/v2/")) {
      const auth = authenticate(state, ctx.req.headers.authorization, ctx.req.method, path);
      if ("status" in auth) return auth;
      ctx.auth = auth;
    }
    return matched.handler(ctx);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      write(res, { status: 500, json: { errors: [{ category: "API_ERROR", code: "INTERNAL_SERVER_ERROR", detail: err instanceof Error ? err.message : "fake crashed" }] } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    faults,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...inflight]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    issueToken: (o) => issueToken(state, o),
    expireToken(accessToken) {
      const t = state.tokens.get(accessToken);
      if (t) t.expiresAt = new Date(Date.now() - 1000);
    },
    revokeToken(accessToken) {
      const t = state.tokens.get(accessToken);
      if (t) revokeMerchant(state, t.merchantId);
    },
    subscribe: (sub) => void state.subscriptions.push(sub),
    emitWebhook: (input) => emitWebhook(state, input),
    advanceOrder: advance,
    async flushWebhooks() {
      await Promise.allSettled([...inflight]);
    },
  };
}
