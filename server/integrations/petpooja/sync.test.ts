/**
 * The engine (runSyncJob) pushing orders to the PetPooja fake, like server/sync/run-job.test.ts
 * does for Square; then the fake's signed status callback is verified and parsed.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { petpoojaWebhooks } from "./webhooks";
import { petpoojaWorld } from "./world";

const dispatched = vi.hoisted(() => [] as unknown[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

let w: Awaited<ReturnType<typeof petpoojaWorld>>;
beforeEach(async () => {
  dispatched.length = 0;
  w = await petpoojaWorld();
});
afterEach(() => w.dispose());

const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 2_000 });
const later = (ms: number) => new Date(Date.now() + ms);

describe("order sync (PetPooja adapter against the fake)", () => {
  it("pushes an order once: our id as clientOrderID, rupee strings, add-on mapped; job and order updated", async () => {
    const { order, job } = await w.order();
    const r = await runSyncJob(w.t.db, job.id, { settings });
    expect(r).toEqual({ status: "success", posOrderId: order.id });
    const [pos] = w.posOrders();
    expect(w.posOrders()).toHaveLength(1);
    expect(pos).toMatchObject({ clientOrderID: order.id, orderID: "26" });
    const info = (pos!.body.orderinfo as { OrderInfo: Record<string, { details: unknown }> }).OrderInfo;
    expect(info.Order!.details).toMatchObject({ order_type: "P", total: "700.00", callback_url: "https://switchboard.example/api/webhooks/petpooja" });
    expect(info.OrderItem!.details).toEqual([
      expect.objectContaining({ id: "10001", price: "290.00", quantity: "2", AddonItem: { details: [{ id: "50001", name: "Mojito", group_name: "Add Beverage", price: "60.00", group_id: 40001, quantity: "1" }] } }),
    ]);
    expect(await w.job(job.id)).toMatchObject({ status: "success", posOrderId: order.id });
    const [a] = await w.attempts(job.id);
    expect(a).toMatchObject({ outcome: "success" });
    expect(a!.requestSummary).toMatchObject({ petpoojaOrderId: "26", clientOrderID: order.id });
  });

  it("a timeout after PetPooja saved the order still ends with exactly one POS order", async () => {
    const { order, job } = await w.order();
    const fast = { ...settings, requestTimeoutMs: 300 };
    w.fake.faults.next("POST /save_order", { delayMs: 1_200 });
    expect((await runSyncJob(w.t.db, job.id, { settings: fast })).status).toBe("retry");
    expect(w.posOrders()).toHaveLength(1);
    const r2 = await runSyncJob(w.t.db, job.id, { settings: fast, now: later(fast.retryIntervalMs + 1000) });
    expect(r2).toEqual({ status: "success", posOrderId: order.id });
    expect(w.posOrders()).toHaveLength(1);
    expect((await w.attempts(job.id)).map((a) => a.outcome)).toEqual(["retry", "success"]);
  });

  it("401 → needs_reauth; 429 → rate_limited; unmapped dish → failed with the field named", async () => {
    const first = await w.order();
    w.fake.faults.next("POST /save_order", { status: 429, retryAfterSeconds: 42 });
    expect((await runSyncJob(w.t.db, first.job.id, { settings })).status).toBe("retry");
    expect((await w.job(first.job.id)).lastErrorClass).toBe("rate_limited");

    const unmapped = await w.order({ items: [{ dishId: "dish-unknown", name: "Masala Dosa", quantity: 1, unitPrice: 12000 }] });
    expect((await runSyncJob(w.t.db, unmapped.job.id, { settings })).status).toBe("failed");
    const failed = await w.job(unmapped.job.id);
    expect(failed.lastErrorClass).toBe("validation");
    expect(failed.lastErrorMessage).toContain('OrderItem.details[0].id (dish "Masala Dosa" is not mapped to a PetPooja item)');

    const third = await w.order();
    w.fake.faults.next("POST /save_order", { status: 401 });
    expect((await runSyncJob(w.t.db, third.job.id, { settings })).status).toBe("needs_reauth");
    expect(w.posOrders()).toHaveLength(0);
  });

  it("the fake's signed status callback verifies and parses to our order's status", async () => {
    const { order, job } = await w.order();
    await runSyncJob(w.t.db, job.id, { settings });
    const received: Array<{ ok: boolean; events: ReturnType<typeof petpoojaWebhooks.parse> }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const rawBody = Buffer.concat(chunks).toString("utf8");
        const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
        const ok = petpoojaWebhooks.verify({ rawBody, headers, url: "http://receiver/cb" }, ["old-secret", "restaurant-secret"]);
        received.push({ ok, events: ok ? petpoojaWebhooks.parse(rawBody) : [] });
        res.writeHead(ok ? 200 : 401, { "content-type": "application/json" }).end(JSON.stringify({ success: ok, message: "Status updated" }));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/petpooja/order-status`;
    try {
      expect(await w.fake.advanceOrder(order.id, "5", { url, auth: { hmacSecret: "restaurant-secret" } })).toBe(200);
      expect(await w.fake.advanceOrder(order.id, "-1", { url, cancelReason: "Kitchen closed", auth: { hmacSecret: "forged" } })).toBe(401);
      expect(received[0]).toMatchObject({ ok: true, events: [{ kind: "order_status", posOrderId: order.id, status: "ready", vendorState: "5" }] });
      expect(received[1]?.ok).toBe(false);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
