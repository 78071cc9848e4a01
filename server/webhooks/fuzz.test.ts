/**
 * Fuzz: ≥ 1,000 random bodies and headers per webhook route, from a seeded PRNG (reproducible).
 * Whatever arrives, the answer is never a 5xx, every call is stored, and no order or status
 * history changes — also after processing whatever was accepted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { orderStatusHistory, orders, webhookEvents } from "~/db/schema";
import { registerSandbox } from "~/server/integrations/runtime";
import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_CLIENT_SECRET } from "~/server/integrations/square/fake";
import { SQUARE_SIGNATURE_HEADER, squareSignature } from "~/server/integrations/square/signature";
import { runSyncJob } from "~/server/sync/run-job";
import { squareWorld } from "~/server/testing/square-world";
import { callWebhookRoute } from "~/server/testing/webhook-receiver";
import { processWebhookEvent } from "./process";

const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as { name: string; data: Record<string, unknown> }[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));

const KEY = "fuzz-square-key";
const ORIGIN = "http://127.0.0.1:9";
const N = 1_000;
let w: Awaited<ReturnType<typeof squareWorld>>;
let posOrderId: string;

/** mulberry32: small, seeded, good enough for fuzzing. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
  registerSandbox("square", {
    baseUrl: w.fake.url,
    app: { clientId: FAKE_SQUARE_CLIENT_ID, clientSecret: FAKE_SQUARE_CLIENT_SECRET, extra: { webhookSignatureKey: KEY, webhookUrl: `${ORIGIN}/api/webhooks/square` } },
  });
  // A real, pushed order the fuzzer may name by its POS id (with garbage signatures).
  const { job } = await w.order();
  await runSyncJob(w.t.db, job.id);
  posOrderId = w.posOrders()[0]!.id;
});
afterAll(() => w.dispose());

function randomBody(r: () => number): string {
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const str = (n: number) => Array.from({ length: n }, () => String.fromCharCode(Math.floor(r() * 0xd7ff))).join("");
  const base = {
    merchant_id: pick([w.connection.externalMerchantId, "M1", "", null, 42]),
    type: pick(["order.updated", "order.fulfillment.updated", "order.created", "inventory.count.updated", "catalog.version.updated", str(8)]),
    event_id: pick([`e-${r()}`, "", null, str(5)]),
    created_at: pick([new Date().toISOString(), "yesterday", 0, null]),
    data: pick([
      { type: "order", id: posOrderId, object: { order_updated: { order_id: posOrderId, state: pick(["OPEN", "COMPLETED", "CANCELED", str(3)]) } } },
      { object: { order_fulfillment_updated: { order_id: posOrderId, fulfillment_update: [{ new_state: "PREPARED" }] } } },
      { object: { inventory_counts: [{ catalog_object_id: str(4), quantity: str(2) }] } },
      null,
      str(20),
    ]),
  };
  switch (Math.floor(r() * 6)) {
    case 0:
      return str(Math.floor(r() * 200));
    case 1:
      return JSON.stringify(base).slice(0, Math.floor(r() * 200));
    case 2:
      return JSON.stringify(pick([[], 1, "x", null, true, { a: { b: [str(3)] } }]));
    case 3:
      return "";
    case 4:
      return JSON.stringify(base).replace(/[{}[\]"]/, pick(["", "\u0000", "\\", "\u{1F600}"]));
    default:
      return JSON.stringify(base);
  }
}

function randomHeaders(r: () => number, body: string, url: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const roll = r();
  if (roll < 0.3) headers[SQUARE_SIGNATURE_HEADER] = Buffer.from(String(r())).toString("base64");
  else if (roll < 0.45) headers[SQUARE_SIGNATURE_HEADER] = squareSignature(KEY, `${url}x`, body);
  else if (roll < 0.6) headers[SQUARE_SIGNATURE_HEADER] = squareSignature("not-the-key", url, body);
  else if (roll < 0.7) headers[SQUARE_SIGNATURE_HEADER] = "";
  if (r() < 0.5) headers["content-type"] = r() < 0.5 ? "application/json" : "text/plain";
  if (r() < 0.2) headers["x-square-signature"] = "legacy";
  if (r() < 0.2) headers["square-initial-delivery-timestamp"] = String(r());
  return headers;
}

describe.each([
  ["/api/webhooks/square", 1],
  ["/api/webhooks/square/order-status/{connectionId}", 2],
  ["/api/webhooks/petpooja/order-status", 3],
  ["/api/webhooks/square/menu-update", 4],
])("fuzz %s", (route, seed) => {
  it(`${N} random calls: never a 5xx, every call stored, no order or status change`, { timeout: 240_000 }, async () => {
    const path = route.replace("{connectionId}", w.connection.id);
    const url = `${ORIGIN}${path}`;
    const r = prng(seed);
    const ordersBefore = await w.t.db.select({ id: orders.id, status: orders.status }).from(orders);
    const historyBefore = (await w.t.db.select().from(orderStatusHistory)).length;
    const eventsBefore = (await w.t.db.select({ id: webhookEvents.id }).from(webhookEvents)).length;
    const statuses = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const body = randomBody(r);
      const res = await callWebhookRoute(new Request(url, { method: "POST", headers: randomHeaders(r, body, url), body }));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `call ${i}`).toBeLessThan(500);
    }
    // None of those was signed with the key over this URL: nothing is accepted or processed.
    expect([...statuses.keys()].every((s) => s >= 400)).toBe(true);
    for (const e of h.dispatched.filter((x) => x.name === "switchboard/webhook.received")) await processWebhookEvent(w.t.db, e.data.webhookEventId as string);
    expect((await w.t.db.select({ id: webhookEvents.id }).from(webhookEvents)).length - eventsBefore).toBe(N);
    expect(await w.t.db.select({ id: orders.id, status: orders.status }).from(orders)).toEqual(ordersBefore);
    expect((await w.t.db.select().from(orderStatusHistory)).length).toBe(historyBefore);
  });
});
