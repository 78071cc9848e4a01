/**
 * PetPooja status callbacks through the real webhook routes (seed 002 per-restaurant URL and
 * the seed's `x-petpooja-signature`), processed as the jobs driver would: an order pushed to
 * the PetPooja fake moves confirmed → ready → delivered, and bad calls change nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { orderStatusHistory, orders, webhookEvents } from "~/db/schema";
import { PETPOOJA_SIGNATURE_HEADER, petpoojaSignature } from "~/server/integrations/petpooja/signature";
import { petpoojaWorld } from "~/server/integrations/petpooja/world";
import { runSyncJob } from "~/server/sync/run-job";
import { callWebhookRoute } from "~/server/testing/webhook-receiver";
import { processWebhookEvent } from "./process";
import { newestActiveSecret, rotateWebhookSecret } from "./secrets";

const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as { name: string; data: Record<string, unknown> }[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));

let w: Awaited<ReturnType<typeof petpoojaWorld>>;
let secret: string;
let orderId: string;
const path = () => `http://hub.test/api/webhooks/petpooja/order-status/${w.connection.id}`;

beforeAll(async () => {
  w = await petpoojaWorld();
  h.db = w.t.db;
  secret = (await newestActiveSecret(w.t.db, w.connection.id))!.secret;
  const { order, job } = await w.order();
  orderId = order.id;
  expect((await runSyncJob(w.t.db, job.id)).status).toBe("success");
});
afterAll(() => w.dispose());

const callback = (status: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ restID: w.connection.externalLocationId, orderID: orderId, status, cancel_reason: "", minimum_prep_time: 20, rider_name: "", is_modified: "No", ...extra });

async function post(body: string, signWith: string | null = secret) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signWith) headers[PETPOOJA_SIGNATURE_HEADER] = petpoojaSignature(signWith, body);
  const res = await callWebhookRoute(new Request(path(), { method: "POST", headers, body }));
  // Run what the route handed to the jobs driver, as the driver would.
  for (const e of h.dispatched.splice(0)) {
    if (e.name === "switchboard/webhook.received") await processWebhookEvent(w.t.db, String(e.data.webhookEventId));
  }
  return res.status;
}

const status = async () => (await w.t.db.select({ s: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.s;

describe("PetPooja status callbacks (real route, per-restaurant secret)", () => {
  it("moves the order confirmed → ready → delivered, each once, with history by petpooja_webhook", async () => {
    for (const [code, expected] of [
      ["2", "confirmed"],
      ["5", "ready"],
      ["10", "delivered"],
    ] as const) {
      expect(await post(callback(code))).toBe(200);
      expect(await status()).toBe(expected);
    }
    const history = await w.t.db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
    expect(history.filter((x) => x.changedBy === "petpooja_webhook").map((x) => x.toStatus)).toEqual(["confirmed", "ready", "delivered"]);
  });

  it("a replay, a bad signature, an unsigned call and a late 'ready' change nothing", async () => {
    const before = await w.t.db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
    expect(await post(callback("10"))).toBe(200); // replay of the delivered callback
    expect(await post(callback("1", { rider_name: "x" }), "wrong-secret")).toBe(401);
    expect(await post(callback("1", { rider_name: "y" }), null)).toBe(401);
    expect(await post(callback("5", { rider_name: "late" }))).toBe(200); // valid, but ready after delivered
    expect(await status()).toBe("delivered");
    const after = await w.t.db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
    expect(after).toHaveLength(before.length);
    const rejected = (await w.t.db.select().from(webhookEvents)).filter((e) => e.status === "rejected");
    expect(rejected.map((e) => e.verificationError).sort()).toEqual(["invalid_signature", "invalid_signature"]);
  });

  it("after a rotation both the old (in grace) and the new secret verify", async () => {
    const { order, job } = await w.order();
    orderId = order.id;
    await runSyncJob(w.t.db, job.id);
    const rotated = await rotateWebhookSecret(w.t.db, w.connection.id, 24);
    expect(await post(callback("2"), secret)).toBe(200);
    expect(await post(callback("5"), rotated.secret)).toBe(200);
    expect(await status()).toBe("ready");
  });
});
