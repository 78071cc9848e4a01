/**
 * A local PetPooja: a real HTTP server speaking PetPooja's wire format as our reference records
 * it [ref §2.1–2.5]: POST-only JSON endpoints under a stage prefix (`/V1`), credentials in the
 * body (or as `app-key`/`app-secret`/`access-token` headers for the menu), money as rupee
 * strings, `success:"1"|"0"` envelopes (failures usually with HTTP 200), duplicate clientOrderID
 * rejection per restID, status callbacks POSTed to `callback_url`. Fault injection and a
 * `/__fake/*` control plane as in the Square fake. Behaviour our reference marks UNCONFIRMED is
 * a quirk, not a silent guess.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { faultBody, PetpoojaFaultQueue } from "./fake-faults";
import { FAKE_PETPOOJA_APP, FAKE_PETPOOJA_REST_ID, seedMenu } from "./fake-seed";
import { PETPOOJA_SIGNATURE_HEADER, petpoojaSignature } from "./signature";
import { faultControl } from "../fake-kit/fault-queue";
import { readBody, writeJson, type JsonReply } from "../fake-kit/http";

import { itemStock } from "./fake-stock";
import { PETPOOJA_DEFAULT_PATHS } from "./provider";
export { FAKE_PETPOOJA_ADDON, FAKE_PETPOOJA_APP, FAKE_PETPOOJA_ITEMS, FAKE_PETPOOJA_REST_ID } from "./fake-seed";
export type { FakePetpoojaFault } from "./fake-faults";

/** The stage prefix of the sandbox URLs (`…amazonaws.com/V1`) [ref §2.1]. */
export const FAKE_PETPOOJA_STAGE = "/V1";

export type FakePetpoojaQuirks = {
  /** [U] Whether a repeated clientOrderID is rejected ("reject", as the reference tells the fake to) or answered with the original success ("replay"). */
  duplicateOrder: "reject" | "replay";
  /** [U] The fake's errorCode for a duplicate; not documented by PetPooja. */
  duplicateErrorCode: string;
  /** [U] How bad credentials are answered: HTTP 401, or HTTP 200 with success "0". */
  authFailureStatus: 401 | 200;
  authErrorCode: string;
  /** [ref §2.2] errorCode of a body validation failure (the fake's own). */
  validationErrorCode: string;
};

export type FakePetpoojaOrder = {
  /** PetPooja's own id (numeric string) [ref §2.2 response `orderID`]. */
  orderID: string;
  clientOrderID: string;
  restID: string;
  /** The callback status code: "0" new, "-1" cancelled, "1".."10" [ref §2.4]. */
  status: string;
  cancelReason?: string;
  callbackUrl?: string;
  body: Record<string, unknown>;
  savedAt: string;
};

export type FakePetpoojaRequest = { at: string; method: string; path: string; clientOrderID?: string; status: number; fault?: "status" | "delay"; credentialsIn?: "body" | "headers" };

export type FakePetpoojaState = {
  app: { app_key: string; app_secret: string; access_token: string };
  quirks: FakePetpoojaQuirks;
  /** restID → menu (`mapped_restaurant_menus` body). */
  restaurants: Map<string, Record<string, unknown>>;
  /** `${restID}:${clientOrderID}` → order. */
  orders: Map<string, FakePetpoojaOrder>;
  requests: FakePetpoojaRequest[];
  callbacks: Array<{ url: string; status: number; body: string }>;
  nextOrderNumber: number;
};

export type StartFakePetpoojaOptions = {
  port?: number;
  app?: Partial<FakePetpoojaState["app"]>;
  restIDs?: string[];
  quirks?: Partial<FakePetpoojaQuirks>;
};

export type SendCallbackInput = {
  url: string;
  /** The order's clientOrderID (our id) and its restaurant. */
  clientOrderID: string;
  restID?: string;
  status: string;
  cancelReason?: string;
  /** Sign as seed 002 (`x-petpooja-signature: sha256=<hex>`), send a static bearer, or neither. */
  auth?: { hmacSecret?: string; bearer?: string };
  /** [U] Which orderID PetPooja echoes: ours (default) or its own. */
  echo?: "client" | "petpooja";
};

export type FakePetpooja = {
  /** Base URL with the stage, e.g. http://127.0.0.1:1234/V1: what the adapter's baseUrl is. */
  url: string;
  /** Server origin, for `/__fake/*`. */
  origin: string;
  state: FakePetpoojaState;
  faults: PetpoojaFaultQueue;
  orders(): FakePetpoojaOrder[];
  /** The kitchen moves an order (e.g. "1" accepted, "5" ready) and PetPooja calls back. */
  advanceOrder(clientOrderID: string, status: string, input: Omit<SendCallbackInput, "clientOrderID" | "status" | "url"> & { url?: string }): Promise<number>;
  sendStatusCallback(input: SendCallbackInput): Promise<number>;
  close(): Promise<void>;
};

type Json = Record<string, unknown>;
type Reply = JsonReply;

const rec = (v: unknown): Json | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const MONEY = /^-?\d+(\.\d{1,2})?$/;
const ok = (json: Json): Reply => ({ status: 200, json: { success: "1", ...json } });


export async function startFakePetpooja(opts: StartFakePetpoojaOptions = {}): Promise<FakePetpooja> {
  const state: FakePetpoojaState = {
    app: { ...FAKE_PETPOOJA_APP, ...opts.app },
    quirks: { duplicateOrder: "reject", duplicateErrorCode: "DUPLICATE_ORDER", authFailureStatus: 401, authErrorCode: "INVALID_CREDENTIALS", validationErrorCode: "VALIDATION_ERROR", ...opts.quirks },
    restaurants: new Map((opts.restIDs ?? [FAKE_PETPOOJA_REST_ID]).map((id) => [id, seedMenu(id)])),
    orders: new Map(),
    requests: [],
    callbacks: [],
    nextOrderNumber: 26,
  };
  const faults = new PetpoojaFaultQueue();
  const timers = new Set<NodeJS.Timeout>();
  const inflight = new Set<Promise<unknown>>();

  const failure = (message: string, errorCode: string, validation?: Record<string, string[]>): Reply => ({
    status: 200,
    json: { success: "0", message, errorCode, ...(validation ? { validation_errors: validation } : {}) },
  });

  function authFailure(): Reply {
    return { status: state.quirks.authFailureStatus, json: { success: "0", message: "Invalid app_key, app_secret or access_token.", errorCode: state.quirks.authErrorCode } };
  }

  function credentialsOk(c: { app_key?: unknown; app_secret?: unknown; access_token?: unknown }): boolean {
    return c.app_key === state.app.app_key && c.app_secret === state.app.app_secret && c.access_token === state.app.access_token;
  }

  const unknownRestaurant = () =>
    // [ref §2.2] The known failure shape (menu endpoint, idx:30798413158).
    failure("There were some error in restaurant mapping.", "MS_101", { restID: ["Please provide valid restaurant id."] });

  function saveOrder(body: Json): Reply {
    if (!credentialsOk(body)) return authFailure();
    // Casing matters [ref §2.2]: lowercase `orderinfo`, inner `OrderInfo`.
    const info = rec(rec(body.orderinfo)?.OrderInfo);
    if (!info) return failure("orderinfo.OrderInfo is required.", state.quirks.validationErrorCode, { orderinfo: ["The orderinfo field is required."] });
    const errors: Record<string, string[]> = {};
    const need = (cond: boolean, field: string, msg = "This field is required.") => {
      if (!cond) (errors[field] ??= []).push(msg);
    };
    const isStr = (v: unknown) => typeof v === "string";
    const restaurant = rec(rec(info.Restaurant)?.details);
    const restID = typeof restaurant?.restID === "string" ? restaurant.restID : "";
    if (!state.restaurants.has(restID)) return unknownRestaurant();
    // `udid` / `device_type` at the root (logged success) or inside `orderinfo` (aglio doc): accept either [ref §2.2].
    const deviceType = body.device_type ?? rec(body.orderinfo)?.device_type;
    need(typeof deviceType === "string" && deviceType.length > 0, "device_type");
    const order = rec(rec(info.Order)?.details);
    if (!order) return failure("Order details are required.", state.quirks.validationErrorCode, { "Order.details": ["This field is required."] });
    for (const f of ["orderID", "preorder_date", "preorder_time", "order_type", "payment_type", "created_on", "service_charge", "sc_tax_amount", "dc_tax_amount", "pc_tax_amount"]) {
      need(isStr(order[f]) && (order[f] as string).length > 0, `Order.details.${f}`);
    }
    need(["H", "P", "D"].includes(order.order_type as string), "Order.details.order_type", "Must be H, P or D.");
    need(order.advanced_order === undefined || order.advanced_order === "N" || order.advanced_order === "Y", "Order.details.advanced_order", 'Must be "N" or "Y".');
    for (const f of ["total", "tax_total", "discount_total", "delivery_charges", "packing_charges", "service_charge"]) {
      if (order[f] !== undefined) need(isStr(order[f]) && MONEY.test(order[f] as string), `Order.details.${f}`, "Must be an amount string.");
    }
    const items = rec(info.OrderItem)?.details;
    need(Array.isArray(items) && items.length > 0, "OrderItem.details");
    (Array.isArray(items) ? items : []).forEach((raw, i) => {
      const it = rec(raw) ?? {};
      const at = `OrderItem.details.${i}`;
      need(isStr(it.id) && (it.id as string).length > 0, `${at}.id`);
      need(isStr(it.name) && (it.name as string).length > 0, `${at}.name`);
      need(Array.isArray(it.item_tax), `${at}.item_tax`);
      for (const f of ["item_discount", "final_price", "price"]) need(isStr(it[f]) && MONEY.test(it[f] as string), `${at}.${f}`, "Must be an amount string.");
      need(isStr(it.quantity) && /^\d+$/.test(it.quantity as string) && Number(it.quantity) > 0, `${at}.quantity`);
      const addons = rec(it.AddonItem)?.details;
      if (it.AddonItem !== undefined) need(Array.isArray(addons), `${at}.AddonItem.details`, "Must be an array.");
      (Array.isArray(addons) ? addons : []).forEach((a, j) => {
        const ad = rec(a) ?? {};
        const aat = `${at}.AddonItem.details.${j}`;
        for (const f of ["id", "name", "group_name"]) need(isStr(ad[f]) && (ad[f] as string).length > 0, `${aat}.${f}`);
        need(isStr(ad.price) && MONEY.test(ad.price as string), `${aat}.price`, "Must be an amount string.");
        // [ref §2.2] group_id is an integer; a string was an error.
        need(typeof ad.group_id === "number" && Number.isInteger(ad.group_id), `${aat}.group_id`, "Must be an integer.");
      });
    });
    if (Object.keys(errors).length) return failure("Validation failed.", state.quirks.validationErrorCode, errors);

    const clientOrderID = order.orderID as string;
    const key = `${restID}:${clientOrderID}`;
    const existing = state.orders.get(key);
    if (existing) {
      // [ref §2.2, U] "the fake should reject a duplicate clientOrderID per restID".
      if (state.quirks.duplicateOrder === "replay") return ok({ message: "Your order is saved.", restID, clientOrderID, orderID: existing.orderID });
      return failure("Order already exists.", state.quirks.duplicateErrorCode, { orderID: ["Order with this orderID already exists."] });
    }
    const saved: FakePetpoojaOrder = {
      orderID: String(state.nextOrderNumber++),
      clientOrderID,
      restID,
      status: "0",
      callbackUrl: typeof order.callback_url === "string" ? order.callback_url : undefined,
      body,
      savedAt: new Date().toISOString(),
    };
    state.orders.set(key, saved);
    return ok({ message: "Your order is saved.", restID, clientOrderID, orderID: saved.orderID });
  }

  function updateOrderStatus(body: Json): Reply {
    if (!credentialsOk(body)) return authFailure();
    const restID = typeof body.restID === "string" ? body.restID : "";
    if (!state.restaurants.has(restID)) return unknownRestaurant();
    const clientOrderID = typeof body.clientorderID === "string" ? body.clientorderID : "";
    const byPetpoojaId = typeof body.orderID === "string" && body.orderID ? [...state.orders.values()].find((o) => o.restID === restID && o.orderID === body.orderID) : undefined;
    const order = state.orders.get(`${restID}:${clientOrderID}`) ?? byPetpoojaId;
    if (!order) return failure("Order not found.", "ORDER_NOT_FOUND", { clientorderID: ["No order with this clientorderID."] });
    if (body.status !== "-1") return failure("Only status -1 (cancel) is accepted.", state.quirks.validationErrorCode, { status: ['Must be "-1".'] });
    if (order.status === "10") return failure("Delivered orders cannot be cancelled.", "ORDER_DELIVERED");
    order.status = "-1";
    order.cancelReason = typeof body.cancelReason === "string" ? body.cancelReason : undefined;
    return ok({ message: "Order status updated successfully.", restID, orderID: order.orderID, status: "-1" });
  }

  function fetchMenu(body: Json, headers: IncomingMessage["headers"]): { reply: Reply; credentialsIn?: "body" | "headers" } {
    // [ref §2.1] Headers (chatbot--ai) or body (another integrator): accept both.
    const fromHeaders = { app_key: headers["app-key"], app_secret: headers["app-secret"], access_token: headers["access-token"] };
    const credentialsIn = credentialsOk(fromHeaders) ? "headers" : credentialsOk(body) ? "body" : undefined;
    if (!credentialsIn) return { reply: authFailure() };
    const menu = state.restaurants.get(typeof body.restID === "string" ? body.restID : "");
    return { reply: menu ? { status: 200, json: menu } : unknownRestaurant(), credentialsIn };
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

    const path = url.pathname.startsWith(`${FAKE_PETPOOJA_STAGE}/`) ? url.pathname.slice(FAKE_PETPOOJA_STAGE.length) : url.pathname;
    const clientOrderID = typeof rec(rec(rec(rec(json?.orderinfo)?.OrderInfo)?.Order)?.details)?.orderID === "string"
      ? (rec(rec(rec(rec(json?.orderinfo)?.OrderInfo)?.Order)?.details)?.orderID as string)
      : typeof json?.clientorderID === "string" ? json.clientorderID : undefined;
    const fault = faults.take(method, path);
    const entry: FakePetpoojaRequest = { at: new Date().toISOString(), method, path, clientOrderID, status: 0, ...(fault ? { fault: "delayMs" in fault ? ("delay" as const) : ("status" as const) } : {}) };
    state.requests.push(entry);
    if (fault && "status" in fault) {
      const r = faultBody(fault);
      entry.status = r.status;
      return writeJson(res, r);
    }
    let reply: Reply;
    if (method !== "POST") reply = { status: 405, json: { message: "Missing Authentication Token" } };
    else if (!json) reply = failure("Request body must be JSON.", state.quirks.validationErrorCode);
    else if (path === "/save_order") reply = saveOrder(json);
    else if (path === "/update_order_status") reply = updateOrderStatus(json);
    else if (path === PETPOOJA_DEFAULT_PATHS.item_stock) reply = itemStock(state, json, credentialsOk, authFailure);
    else if (path === "/mapped_restaurant_menus") {
      const r = fetchMenu(json, req.headers);
      reply = r.reply;
      entry.credentialsIn = r.credentialsIn;
    }
    // API Gateway's answer for an unknown resource.
    else reply = { status: 403, json: { message: "Missing Authentication Token" } };
    entry.status = reply.status;
    if (fault && "delayMs" in fault) {
      // Processed now, answered late: the client times out although PetPooja acted.
      const timer = setTimeout(() => {
        timers.delete(timer);
        writeJson(res, reply);
      }, fault.delayMs);
      timers.add(timer);
      return;
    }
    writeJson(res, reply);
  }

  /**
   * Test-only control plane (never part of PetPooja's API):
   *   POST   /__fake/faults  {"target":"POST /save_order","fault":{"status":503},"sticky":true}
   *   DELETE /__fake/faults
   *   GET    /__fake/state   → orders and their statuses
   */
  function fakeControl(method: string, path: string, json: Json | undefined): Reply | null {
    const fault = faultControl(faults, method, path, json);
    if (fault) return fault;
    if (path === "/__fake/state" && method === "GET") {
      const orders = [...state.orders.values()].map((o) => ({ orderID: o.orderID, clientOrderID: o.clientOrderID, restID: o.restID, status: o.status }));
      return { status: 200, json: { orders: orders.length, order_list: orders, restaurants: [...state.restaurants.keys()] } };
    }
    return null;
  }

  async function sendStatusCallback(input: SendCallbackInput): Promise<number> {
    const order = [...state.orders.values()].find((o) => o.clientOrderID === input.clientOrderID && (!input.restID || o.restID === input.restID));
    // [ref §2.4] {restID, orderID, status, cancel_reason, minimum_prep_time, minimum_delivery_time, rider_name, rider_phone_number, is_modified}
    const body = JSON.stringify({
      restID: input.restID ?? order?.restID ?? FAKE_PETPOOJA_REST_ID,
      orderID: input.echo === "petpooja" ? (order?.orderID ?? "") : input.clientOrderID,
      status: input.status,
      cancel_reason: input.cancelReason ?? "",
      minimum_prep_time: 20,
      minimum_delivery_time: "",
      rider_name: "",
      rider_phone_number: "",
      is_modified: "No",
    });
    const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": randomUUID() };
    if (input.auth?.hmacSecret) headers[PETPOOJA_SIGNATURE_HEADER] = petpoojaSignature(input.auth.hmacSecret, body);
    if (input.auth?.bearer) headers.authorization = `Bearer ${input.auth.bearer}`;
    let status = 0;
    const run = (async () => {
      try {
        const res = await fetch(input.url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000), redirect: "manual" });
        status = res.status;
        await res.body?.cancel();
      } catch {
        status = 0;
      }
    })();
    inflight.add(run);
    await run;
    inflight.delete(run);
    state.callbacks.push({ url: input.url, status, body });
    return status;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      writeJson(res, { status: 500, json: { success: "0", message: err instanceof Error ? err.message : "fake crashed", errorCode: "INTERNAL_ERROR" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}${FAKE_PETPOOJA_STAGE}`,
    origin,
    state,
    faults,
    orders: () => [...state.orders.values()],
    async advanceOrder(clientOrderID, status, input) {
      const order = [...state.orders.values()].find((o) => o.clientOrderID === clientOrderID);
      if (!order) throw new Error(`Fake PetPooja has no order ${clientOrderID}`);
      order.status = status;
      const url = input.url ?? order.callbackUrl;
      if (!url) throw new Error(`Order ${clientOrderID} has no callback_url`);
      return sendStatusCallback({ ...input, url, clientOrderID, restID: order.restID, status });
    },
    sendStatusCallback,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...inflight]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
