/**
 * The engine (runSyncJob) pushing orders to the TouchBistro fake: a retry after an ambiguous
 * timeout reuses our order id and still makes one TouchBistro order.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { touchbistroWorld } from "./world";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

let w: Awaited<ReturnType<typeof touchbistroWorld>>;
beforeEach(async () => {
  w = await touchbistroWorld();
});
afterEach(() => w.dispose());

const later = (ms: number) => new Date(Date.now() + ms);

describe("order sync (TouchBistro adapter against the fake)", () => {
  it("pushes once; the order gets TouchBistro's id and the connection", async () => {
    const order = await w.push();
    expect(order).toMatchObject({ posOrderId: "5001", connectionId: w.connection.id });
    expect(w.fake.orders()).toHaveLength(1);
    expect(w.fake.orders()[0]!.body).toMatchObject({ external_reference: order.id, total: "32.36", sub_total: "28.98", taxes: "3.38", currency: "CAD" });
  });

  it("a timed-out push is retried with the same reference: one TouchBistro order", async () => {
    const { order, job } = await w.order();
    w.fake.faults.next("POST /api/v1/partner/*", { delayMs: 500 });
    const first = await runSyncJob(w.t.db, job.id, { settings: syncSettings({ retryIntervalMs: 1_000, maxRetries: 5, requestTimeoutMs: 100 }) });
    expect(first.status).toBe("retry");
    await new Promise((r) => setTimeout(r, 600));
    const second = await runSyncJob(w.t.db, job.id, { now: later(5_000), settings: syncSettings({ retryIntervalMs: 1_000, maxRetries: 5, requestTimeoutMs: 2_000 }) });
    expect(second).toEqual({ status: "success", posOrderId: "5001" });
    expect(w.fake.orders()).toHaveLength(1);
    expect(w.fake.orders()[0]!.externalReference).toBe(order.id);
  });
});
