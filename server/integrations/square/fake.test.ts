/**
 * The fake's own wire behaviour, spoken to in raw HTTP as Square would be: idempotency,
 * validation, versioning, faults and signed webhooks.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAKE_SQUARE_LOCATION_IDS, startFakeSquare, type FakeSquare } from "./fake";
import { squareWebhooks } from "./webhooks";

let fake: FakeSquare;
let token: string;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: { errors?: Array<{ code: string; category: string }> } & Record<string, unknown> }> {
  const res = await fetch(new URL(path, fake.url), {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as never };
}

const orderBody = (key: string, quantity: unknown = "2", amount: unknown = 1250) => ({
  idempotency_key: key,
  order: {
    location_id: FAKE_SQUARE_LOCATION_IDS[0],
    line_items: [{ name: "Dal", quantity, base_price_money: { amount, currency: "USD" } }],
    fulfillments: [{ type: "PICKUP", state: "PROPOSED", pickup_details: { schedule_type: "ASAP" } }],
  },
});

beforeEach(async () => {
  fake = await startFakeSquare();
  token = fake.issueToken().accessToken;
});
afterEach(async () => {
  await fake.close();
});

describe("fake Square orders", () => {
  it("replays the same key + body and refuses the same key with another body", async () => {
    const first = await call("POST", "/v2/orders", orderBody("k1"));
    const again = await call("POST", "/v2/orders", orderBody("k1"));
    expect(first.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(fake.state.orders.size).toBe(1);
    const other = await call("POST", "/v2/orders", orderBody("k1", "3"));
    expect(other.status).toBe(400);
    expect(other.json.errors?.[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", category: "INVALID_REQUEST_ERROR" });
  });

  it("validates quantities as strings and money as integers", async () => {
    expect((await call("POST", "/v2/orders", orderBody("k2", 2))).json.errors?.[0]?.code).toBe("EXPECTED_STRING");
    expect((await call("POST", "/v2/orders", orderBody("k3", "2", 12.5))).json.errors?.[0]?.code).toBe("EXPECTED_INTEGER");
    const badLocation = { ...orderBody("k4"), order: { ...orderBody("k4").order, location_id: "NOPE" } };
    expect((await call("POST", "/v2/orders", badLocation)).status).toBe(404);
    expect(fake.state.orders.size).toBe(0);
  });

  it("checks the version on UpdateOrder", async () => {
    const created = await call("POST", "/v2/orders", orderBody("k5"));
    const id = (created.json.order as { id: string }).id;
    const stale = await call("PUT", `/v2/orders/${id}`, { idempotency_key: "u1", order: { version: 7, state: "CANCELED" } });
    expect(stale.status).toBe(400);
    expect(stale.json.errors?.[0]?.code).toBe("VERSION_MISMATCH");
    const okUpdate = await call("PUT", `/v2/orders/${id}`, { idempotency_key: "u2", order: { version: 1, state: "CANCELED" } });
    expect(okUpdate.json.order).toMatchObject({ state: "CANCELED", version: 2 });
  });

  it("applies sticky faults until cleared", async () => {
    fake.faults.next("*", { status: 503, times: Infinity });
    for (let i = 0; i < 3; i++) expect((await call("GET", "/v2/locations")).status).toBe(503);
    fake.faults.clear();
    expect((await call("GET", "/v2/locations")).status).toBe(200);
  });

  it("answers 401 for unknown tokens and never logs them", async () => {
    token = "EAAAnot-a-token";
    const res = await call("GET", "/v2/locations");
    expect(res.status).toBe(401);
    expect(res.json.errors?.[0]).toMatchObject({ category: "AUTHENTICATION_ERROR", code: "UNAUTHORIZED" });
    expect(JSON.stringify(fake.state.requests)).not.toContain("EAAA");
  });
});

describe("fake Square webhooks", () => {
  let receiver: Server;
  let received: Array<{ headers: IncomingHttpHeaders; body: string }>;
  let notificationUrl: string;

  beforeEach(async () => {
    received = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    notificationUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/square`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("signs events the way Square does, with Square's headers", async () => {
    const status = await fake.emitWebhook({ notificationUrl, signatureKey: "key-1", type: "catalog.version.updated", data: { type: "catalog", id: "", object: {} } });
    expect(status).toBe(200);
    const [event] = received;
    expect(event?.headers).toMatchObject({ "square-environment": "Sandbox", "square-retry-number": "0" });
    expect(event?.headers["square-initial-delivery-timestamp"]).toBeTruthy();
    const headers = new Headers(event?.headers as Record<string, string>);
    expect(squareWebhooks.verify({ rawBody: event?.body ?? "", headers, url: notificationUrl }, ["key-1"])).toBe(true);
    expect(squareWebhooks.verify({ rawBody: event?.body ?? "", headers, url: notificationUrl }, ["key-2"])).toBe(false);
    expect(squareWebhooks.parse(event?.body ?? "")).toEqual([expect.objectContaining({ kind: "menu_changed" })]);
  });

  it("advanceOrder emits order.fulfillment.updated then order.updated to subscriptions", async () => {
    const created = await call("POST", "/v2/orders", orderBody("k6"));
    const id = (created.json.order as { id: string }).id;
    fake.subscribe({ notificationUrl, signatureKey: "key-1" });
    const { statuses, order } = await fake.advanceOrder(id, "PREPARED");
    expect(statuses).toEqual([200, 200]);
    expect(order.fulfillments[0]?.state).toBe("PREPARED");
    const events = received.flatMap((r) => squareWebhooks.parse(r.body));
    expect(events).toEqual([
      expect.objectContaining({ kind: "order_status", posOrderId: id, status: "ready", vendorState: "OPEN/PREPARED" }),
      expect.objectContaining({ kind: "order_status", posOrderId: id, status: null, vendorState: "OPEN" }),
    ]);
    expect(JSON.parse(received[0]?.body ?? "{}")).toMatchObject({ type: "order.fulfillment.updated", data: { type: "order", id } });
  });
});

describe("control plane (/__fake/*)", () => {
  it("injects a sticky fault over HTTP and clears it", async () => {
    const fake = await startFakeSquare();
    try {
      const post = await fetch(`${fake.url}/__fake/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ target: "GET /v2/locations", fault: { status: 503 }, sticky: true }),
      });
      expect(post.status).toBe(200);
      const token = fake.issueToken().accessToken;
      const call = () => fetch(`${fake.url}/v2/locations`, { headers: { authorization: `Bearer ${token}` } });
      expect((await call()).status).toBe(503);
      expect((await call()).status).toBe(503);
      await fetch(`${fake.url}/__fake/faults`, { method: "DELETE" });
      expect((await call()).status).toBe(200);
      expect(await (await fetch(`${fake.url}/__fake/state`)).json()).toMatchObject({ orders: 0, payments: 0 });
    } finally {
      await fake.close();
    }
  });
});
