/**
 * A local TouchBistro partner API: a real HTTP server speaking the wire format our settings
 * default to (../provider.ts). What the reference records [ref §3] is followed: the token in the
 * query string (`authentication_token`), money as decimal strings, bill-style `order_items` with
 * modifiers linked by `parent_id`. What it marks UNCONFIRMED (paths, envelope, states, duplicate
 * handling) is the fake's default or a quirk, so tests can exercise each alternative.
 * Fault injection and a `/__fake/*` control plane as in the PetPooja fake, plus a way to move an
 * order through the kitchen's states (TouchBistro has no webhooks: our poller reads them).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { faultBody, TouchbistroFaultQueue } from "./fake-faults";
import { faultControl } from "../fake-kit/fault-queue";
import { readBody, writeJson, type JsonReply } from "../fake-kit/http";

export type { FakeTouchbistroFault } from "./fake-faults";

export const FAKE_TOUCHBISTRO_PARTNER = { partner_id: "sb-partner-0001", api_key: "sb-tb-platform-key" } as const;
export const FAKE_TOUCHBISTRO_LOCATION = { id: "tb-loc-1001", token: "sb-tb-location-token-1001", name: "Fake Bistro (Toronto)" } as const;

export type FakeTouchbistroQuirks = {
  /** [U] A repeated external_reference: answer with the original order ("replay", HTTP 200) or a 409 carrying it ("conflict"). */
  duplicateOrder: "replay" | "conflict";
  /** [U] Where the location token is read from: the query (`authentication_token`, as the cloud API) or the `authorization: Token …` header. */
  tokenPlacement: "query" | "header";
  /** [U] Whether `partner_id` is required in the query string. */
  requirePartnerId: boolean;
};

export type FakeTouchbistroOrder = {
  id: string;
  locationId: string;
  externalReference: string;
  status: string;
  body: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
};

export type FakeTouchbistroRequest = { at: string; method: string; path: string; status: number; orderId?: string; fault?: "status" | "delay"; idempotencyKey?: string };

export type FakeTouchbistroState = {
  partner: { partner_id: string; api_key: string };
  quirks: FakeTouchbistroQuirks;
  /** location id → its token and name. */
  locations: Map<string, { token: string; name: string }>;
  orders: Map<string, FakeTouchbistroOrder>;
  requests: FakeTouchbistroRequest[];
  nextOrderNumber: number;
};

export type StartFakeTouchbistroOptions = {
  port?: number;
  partner?: Partial<FakeTouchbistroState["partner"]>;
  locations?: Array<{ id: string; token: string; name?: string }>;
  quirks?: Partial<FakeTouchbistroQuirks>;
};

export type FakeTouchbistro = {
  /** Base URL, e.g. http://127.0.0.1:1234: what the adapter's baseUrl is. */
  url: string;
  state: FakeTouchbistroState;
  faults: TouchbistroFaultQueue;
  orders(): FakeTouchbistroOrder[];
  /** The kitchen moves an order (by TouchBistro id or our external_reference), e.g. "accepted", "ready", "delivered". */
  advanceOrder(idOrReference: string, status: string): FakeTouchbistroOrder;
  /** Requests whose path matched `prefix` (e.g. GET order reads, for the poller's rate limit). */
  count(method: string, pathPrefix?: string): number;
  close(): Promise<void>;
};

type Json = Record<string, unknown>;
type Reply = JsonReply;

const rec = (v: unknown): Json | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const MONEY = /^-?\d+(\.\d+)?$/;
const QTY = /^\d+(\.\d+)?$/;
const error = (status: number, code: string, message: string, fields?: Record<string, string[]>): Reply => ({ status, json: { error: { code, message, ...(fields ? { fields } : {}) } } });


const ORDER_PATH = /^\/api\/v1\/partner\/locations\/([^/]+)\/orders(?:\/([^/]+))?$/;
const LOCATION_PATH = /^\/api\/v1\/partner\/locations\/([^/]+)$/;

export async function startFakeTouchbistro(opts: StartFakeTouchbistroOptions = {}): Promise<FakeTouchbistro> {
  const state: FakeTouchbistroState = {
    partner: { ...FAKE_TOUCHBISTRO_PARTNER, ...opts.partner },
    quirks: { duplicateOrder: "replay", tokenPlacement: "query", requirePartnerId: true, ...opts.quirks },
    locations: new Map((opts.locations ?? [FAKE_TOUCHBISTRO_LOCATION]).map((l) => [l.id, { token: l.token, name: l.name ?? l.id }])),
    orders: new Map(),
    requests: [],
    nextOrderNumber: 5001,
  };
  const faults = new TouchbistroFaultQueue();
  const timers = new Set<NodeJS.Timeout>();

  const view = (o: FakeTouchbistroOrder) => ({
    id: o.id,
    location_id: o.locationId,
    external_reference: o.externalReference,
    status: o.status,
    total: o.body.total,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
  });

  /** 401 for a missing/unknown token or partner; 403 for a valid token of another location. */
  function authenticate(url: URL, headers: IncomingMessage["headers"], locationId: string): Reply | null {
    if (state.quirks.requirePartnerId && url.searchParams.get("partner_id") !== state.partner.partner_id) {
      return error(401, "INVALID_PARTNER", "Unknown partner_id.");
    }
    const header = typeof headers.authorization === "string" ? headers.authorization.replace(/^Token\s+/i, "") : undefined;
    const token = state.quirks.tokenPlacement === "query" ? url.searchParams.get("authentication_token") : header;
    if (!token) return error(401, "UNAUTHORIZED", "Missing authentication token.");
    const owner = [...state.locations.entries()].find(([, l]) => l.token === token);
    if (!owner) return error(401, "UNAUTHORIZED", "Invalid authentication token.");
    if (owner[0] !== locationId) return error(403, "FORBIDDEN", "This token is not authorized for this location.");
    return null;
  }

  function validate(body: Json): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    const need = (cond: boolean, field: string, msg = "is required") => {
      if (!cond) (errors[field] ??= []).push(msg);
    };
    need(typeof body.external_reference === "string" && body.external_reference.length > 0, "external_reference");
    need(typeof body.order_type === "string" && body.order_type.length > 0, "order_type");
    need(typeof body.currency === "string" && /^[A-Z]{3}$/.test(body.currency), "currency", "must be an ISO 4217 code");
    for (const f of ["sub_total", "taxes", "total", "tip", "delivery_fee", "discounts_total"]) {
      need(typeof body[f] === "string" && MONEY.test(body[f]), f, "must be a decimal string");
    }
    const items = Array.isArray(body.order_items) ? body.order_items : [];
    need(items.length > 0, "order_items");
    const uuids = new Set<string>();
    items.forEach((raw, i) => {
      const it = rec(raw) ?? {};
      const at = `order_items.${i}`;
      need(typeof it.uuid === "string" && it.uuid.length > 0, `${at}.uuid`);
      need(typeof it.menu_item === "string" && it.menu_item.length > 0, `${at}.menu_item`);
      need(typeof it.quantity === "string" && QTY.test(it.quantity) && Number(it.quantity) > 0, `${at}.quantity`, "must be a positive decimal string");
      for (const f of ["price", "total"]) need(typeof it[f] === "string" && MONEY.test(it[f] as string), `${at}.${f}`, "must be a decimal string");
      // Modifiers are order_items linked by parent_id [ref §3]: the parent must come first.
      need(it.parent_id === null || (typeof it.parent_id === "string" && uuids.has(it.parent_id)), `${at}.parent_id`, "must reference an earlier order item");
      if (typeof it.uuid === "string") uuids.add(it.uuid);
    });
    return errors;
  }

  function createOrder(locationId: string, body: Json | undefined): Reply {
    if (!body) return error(400, "BAD_REQUEST", "Request body must be JSON.");
    const errors = validate(body);
    if (Object.keys(errors).length) return error(422, "VALIDATION_ERROR", "Validation failed.", errors);
    const ref = body.external_reference as string;
    const existing = [...state.orders.values()].find((o) => o.locationId === locationId && o.externalReference === ref);
    if (existing) {
      if (state.quirks.duplicateOrder === "conflict") return { status: 409, json: { error: { code: "DUPLICATE_EXTERNAL_REFERENCE", message: "An order with this external_reference exists." }, order: view(existing) } };
      return { status: 200, json: { order: view(existing) } };
    }
    const now = new Date().toISOString();
    const order: FakeTouchbistroOrder = { id: String(state.nextOrderNumber++), locationId, externalReference: ref, status: "new", body, createdAt: now, updatedAt: now };
    state.orders.set(order.id, order);
    return { status: 201, json: { order: view(order) } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake.local");
    const method = req.method ?? "GET";
    let json: Json | undefined;
    try {
      json = rec(rawBody ? JSON.parse(rawBody) : undefined);
    } catch {
      json = undefined;
    }
    const control = fakeControl(method, url.pathname, json);
    if (control) return writeJson(res, control);

    const path = url.pathname;
    const idem = req.headers["idempotency-key"];
    const fault = faults.take(method, path);
    const entry: FakeTouchbistroRequest = {
      at: new Date().toISOString(),
      method,
      path,
      status: 0,
      ...(typeof idem === "string" ? { idempotencyKey: idem } : {}),
      ...(fault ? { fault: "delayMs" in fault ? ("delay" as const) : ("status" as const) } : {}),
    };
    state.requests.push(entry);
    if (fault && "status" in fault) {
      const r = faultBody(fault);
      entry.status = r.status;
      return writeJson(res, r);
    }
    let reply: Reply;
    const orderPath = ORDER_PATH.exec(path);
    const locationPath = LOCATION_PATH.exec(path);
    const locationId = decodeURIComponent(orderPath?.[1] ?? locationPath?.[1] ?? "");
    if (!orderPath && !locationPath) reply = error(404, "NOT_FOUND", "No such resource.");
    else if (!state.locations.has(locationId)) reply = error(404, "LOCATION_NOT_FOUND", "Unknown location.");
    else {
      const denied = authenticate(url, req.headers, locationId);
      if (denied) reply = denied;
      else if (locationPath && method === "GET") reply = { status: 200, json: { location: { id: locationId, name: state.locations.get(locationId)!.name, active: true } } };
      else if (orderPath && !orderPath[2] && method === "POST") reply = createOrder(locationId, json);
      else if (orderPath?.[2] && method === "GET") {
        const order = state.orders.get(decodeURIComponent(orderPath[2]));
        entry.orderId = order?.id;
        reply = order && order.locationId === locationId ? { status: 200, json: { order: view(order) } } : error(404, "ORDER_NOT_FOUND", "Order not found.");
      } else reply = error(405, "METHOD_NOT_ALLOWED", "Method not allowed.");
    }
    if (!entry.orderId) entry.orderId = rec(rec(reply.json)?.order)?.id as string | undefined;
    entry.status = reply.status;
    if (fault && "delayMs" in fault) {
      // Processed now, answered late: the client times out although TouchBistro acted.
      const timer = setTimeout(() => {
        timers.delete(timer);
        writeJson(res, reply);
      }, fault.delayMs);
      timers.add(timer);
      return;
    }
    writeJson(res, reply);
  }

  function findOrder(idOrReference: string): FakeTouchbistroOrder | undefined {
    return state.orders.get(idOrReference) ?? [...state.orders.values()].find((o) => o.externalReference === idOrReference);
  }

  function advanceOrder(idOrReference: string, status: string): FakeTouchbistroOrder {
    const order = findOrder(idOrReference);
    if (!order) throw new Error(`fake TouchBistro: no order ${idOrReference}`);
    order.status = status;
    order.updatedAt = new Date().toISOString();
    return order;
  }

  /**
   * Test-only control plane (never part of TouchBistro's API):
   *   POST   /__fake/faults              {"target":"POST /api/v1/partner/*","fault":{"status":503},"sticky":true}
   *   DELETE /__fake/faults
   *   GET    /__fake/state               → orders and their statuses
   *   POST   /__fake/orders/<id>/status  {"status":"ready"}  (id or external_reference)
   */
  function fakeControl(method: string, path: string, json: Json | undefined): Reply | null {
    const fault = faultControl(faults, method, path, json);
    if (fault) return fault;
    if (path === "/__fake/state" && method === "GET") {
      const orders = [...state.orders.values()].map(view);
      return { status: 200, json: { orders: orders.length, order_list: orders, locations: [...state.locations.keys()] } };
    }
    const move = /^\/__fake\/orders\/([^/]+)\/status$/.exec(path);
    if (move && method === "POST") {
      if (typeof json?.status !== "string") return { status: 400, json: { error: "status is required" } };
      const order = findOrder(decodeURIComponent(move[1]!));
      if (!order) return { status: 404, json: { error: "no such order" } };
      return { status: 200, json: { order: view(advanceOrder(order.id, json.status)) } };
    }
    return null;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => writeJson(res, error(500, "FAKE_ERROR", "fake TouchBistro crashed")));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    state,
    faults,
    orders: () => [...state.orders.values()],
    advanceOrder,
    count: (m, prefix) => state.requests.filter((r) => r.method === m && (!prefix || r.path.startsWith(prefix))).length,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
