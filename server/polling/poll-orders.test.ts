/**
 * The status poller against the TouchBistro fake: orders pushed through the real sync engine,
 * moved by the fake's kitchen, read back by polls.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { touchbistroWorld } from "~/server/integrations/touchbistro/world";
import { pollingMetrics } from "./metrics";
import { pollOpenOrders, pollingProviders } from "./poll-orders";
import { rateLimiter } from "./rate-limit";
import { parseRateLimits, pollBudget, pollSettings } from "./settings";

const dispatched = vi.hoisted(() => [] as Array<{ name: string; data: Record<string, unknown> }>);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

let w: Awaited<ReturnType<typeof touchbistroWorld>>;
beforeEach(async () => {
  dispatched.length = 0;
  w = await touchbistroWorld();
});
afterEach(() => w.dispose());

const sleeps: number[] = [];
const sleep = async (ms: number) => void sleeps.push(ms);
const settings = pollSettings({ batchSize: 50, defaultRequestsPerSecond: 10, requestsPerSecond: {}, intervalMs: 0, maxRunMs: 10_000, requestTimeoutMs: 2_000 });
const poll = (over: Partial<typeof settings> = {}) => pollOpenOrders(w.t.db, { settings: { ...settings, ...over }, sleep });
const reads = () => w.fake.count("GET", "/api/v1/partner/locations/");
const statusEvents = () => dispatched.filter((e) => e.name === "switchboard/order.status-changed");

describe("pollOpenOrders", () => {
  it("only polling providers are polled", () => {
    expect(pollingProviders().map((p) => p.metadata.id)).toEqual(["touchbistro"]);
  });

  it("follows a pushed order confirmed → ready → delivered, then stops polling it", async () => {
    const order = await w.push();
    expect(order.posOrderId).toBe("5001");
    expect(order.status).toBe("placed");

    // Nothing moved yet: the poll succeeds and changes nothing.
    expect(await poll()).toMatchObject({ polled: 1, succeeded: 1, failed: 0, changed: 0 });

    for (const [state, status] of [["accepted", "confirmed"], ["ready", "ready"], ["delivered", "delivered"]] as const) {
      w.fake.advanceOrder(order.posOrderId!, state);
      expect(await poll()).toMatchObject({ polled: 1, succeeded: 1, changed: 1 });
      expect((await w.getOrder(order.id)).status).toBe(status);
    }
    const history = await w.history(order.id);
    expect(history.filter((h) => h.changedBy === "touchbistro_poll").map((h) => h.toStatus)).toEqual(["confirmed", "ready", "delivered"]);
    expect(history.find((h) => h.toStatus === "delivered")!.reason).toBe("TouchBistro: delivered");
    expect(statusEvents().map((e) => e.data)).toEqual([
      { orderId: order.id, from: "placed", to: "confirmed", changedBy: "touchbistro_poll" },
      { orderId: order.id, from: "confirmed", to: "ready", changedBy: "touchbistro_poll" },
      { orderId: order.id, from: "ready", to: "delivered", changedBy: "touchbistro_poll" },
    ]);
    expect((await w.getOrder(order.id)).completedAt).not.toBeNull();

    // Terminal: never claimed again.
    const before = reads();
    expect(await poll()).toMatchObject({ polled: 0 });
    expect(reads()).toBe(before);

    const runs = await w.runs();
    expect(runs).toHaveLength(4);
    expect(runs.every((r) => r.provider === "touchbistro" && r.connectionId === w.connection.id && r.succeeded === 1 && r.failed === 0)).toBe(true);
  });

  it("does not poll an order again within the interval, nor orders never pushed", async () => {
    const order = await w.push();
    await w.order(); // created, not pushed: no posOrderId
    expect(await poll({ intervalMs: 60_000 })).toMatchObject({ polled: 1 });
    expect(await poll({ intervalMs: 60_000 })).toMatchObject({ polled: 0 });
    const later = new Date(Date.now() + 61_000);
    expect(await pollOpenOrders(w.t.db, { now: later, settings: { ...settings, intervalMs: 60_000 }, sleep })).toMatchObject({ polled: 1 });
    expect((await w.getOrder(order.id)).lastPolledAt).toEqual(later);
  });

  it("records a failing poll and changes nothing", async () => {
    const order = await w.push();
    w.fake.advanceOrder(order.posOrderId!, "accepted");
    w.fake.faults.next("GET *", { status: 503 });
    expect(await poll()).toMatchObject({ polled: 1, succeeded: 0, failed: 1, changed: 0 });
    expect((await w.getOrder(order.id)).status).toBe("placed");
    expect((await w.history(order.id)).filter((h) => h.changedBy === "touchbistro_poll")).toEqual([]);
    expect(statusEvents()).toEqual([]);
    const [run] = await w.runs();
    expect(run).toMatchObject({ polled: 1, succeeded: 0, failed: 1, changed: 0 });
    expect(run!.lastError).toMatch(/HTTP 503/);
    // The failure fed the connection's breaker (one failure, still closed).
    expect(await w.conn()).toMatchObject({ circuitState: "closed", consecutiveFailures: 1 });

    // The next poll succeeds and applies the status; the breaker resets.
    expect(await poll()).toMatchObject({ polled: 1, succeeded: 1, changed: 1 });
    expect((await w.getOrder(order.id)).status).toBe("confirmed");
    expect(await w.conn()).toMatchObject({ circuitState: "closed", consecutiveFailures: 0 });

    const [m] = await pollingMetrics(w.t.db, new Date(Date.now() - 60_000));
    expect(m).toEqual({ provider: "touchbistro", runs: 2, polled: 2, succeeded: 1, failed: 1, changed: 1, successRate: 0.5 });
  });

  it("respects the provider's rate limit: at most rate × run budget calls per run, spaced", async () => {
    for (let i = 0; i < 5; i++) await w.push();
    sleeps.length = 0;
    const s = { requestsPerSecond: { touchbistro: 2 }, maxRunMs: 1_000, intervalMs: 60_000 };
    expect(pollBudget({ ...settings, ...s }, "touchbistro")).toBe(2);
    const before = reads();
    expect(await poll(s)).toMatchObject({ polled: 2 });
    expect(reads() - before).toBe(2);
    // The second call waited for its slot (1000 / 2 ms after the first).
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(await poll(s)).toMatchObject({ polled: 2 });
    expect(await poll(s)).toMatchObject({ polled: 1 });
    expect(reads() - before).toBe(5);
    expect(await poll(s)).toMatchObject({ polled: 0 });
    // The batch size caps a run as well.
    expect(await poll({ batchSize: 3 })).toMatchObject({ polled: 3 });
  });

  it("stops a connection's batch on a 429", async () => {
    for (let i = 0; i < 3; i++) await w.push();
    w.fake.faults.next("GET *", { status: 429, retryAfterSeconds: 30 });
    expect(await poll()).toMatchObject({ polled: 1, failed: 1 });
    const [run] = await w.runs();
    expect(run).toMatchObject({ stoppedReason: "rate_limited" });
  });

  it("skips needs_reauth and disconnected connections, and a connection whose circuit is open", async () => {
    await w.push();
    const before = reads();
    await w.setConnection({ status: "needs_reauth" });
    expect(await poll()).toMatchObject({ polled: 0 });
    await w.setConnection({ status: "disconnected" });
    expect(await poll()).toMatchObject({ polled: 0 });
    await w.setConnection({ status: "active", circuitState: "open", circuitOpenedAt: new Date(), consecutiveFailures: 3 });
    const r = await poll();
    expect(r).toMatchObject({ polled: 0 });
    expect(r.providers[0]).toMatchObject({ skippedConnections: 1 });
    expect(reads()).toBe(before);
    expect(await w.runs()).toEqual([]);

    // Once the window has passed, one probe goes through and closes the circuit.
    await w.setConnection({ circuitOpenedAt: new Date(Date.now() - 10 * 60_000) });
    expect(await poll()).toMatchObject({ polled: 1, succeeded: 1 });
    expect(await w.conn()).toMatchObject({ circuitState: "closed", consecutiveFailures: 0 });
  });

  it("marks the connection needs_reauth when TouchBistro refuses our credentials, and stops polling it", async () => {
    await w.push();
    await w.push();
    w.fake.faults.next("GET *", { status: 401 });
    expect(await poll()).toMatchObject({ polled: 1, failed: 1 });
    expect(await w.conn()).toMatchObject({ status: "needs_reauth" });
    expect((await w.runs())[0]).toMatchObject({ stoppedReason: "needs_reauth" });
    expect(await poll()).toMatchObject({ polled: 0 });
  });

  it("opens the circuit after repeated outages and stops the run for that connection", async () => {
    for (let i = 0; i < 5; i++) await w.push();
    w.fake.faults.next("GET *", { status: 503, times: 10 });
    expect(await poll()).toMatchObject({ polled: 3, failed: 3 });
    expect(await w.conn()).toMatchObject({ circuitState: "open", consecutiveFailures: 3 });
    expect((await w.runs())[0]).toMatchObject({ stoppedReason: "circuit_open" });
  });
});

describe("polling helpers", () => {
  it("parses per-provider rate limits", () => {
    expect(parseRateLimits("touchbistro=2, other=0.5, bad=x, =3")).toEqual({ touchbistro: 2, other: 0.5 });
    expect(parseRateLimits(undefined)).toEqual({});
  });

  it("spaces calls by 1/rate with an injected clock", async () => {
    let t = 0;
    const waits: number[] = [];
    const acquire = rateLimiter(4, { now: () => t, sleep: async (ms) => void waits.push(ms) });
    await acquire();
    await acquire();
    await acquire();
    expect(waits).toEqual([250, 500]);
    t = 10_000;
    await acquire();
    expect(waits).toHaveLength(2);
  });
});
