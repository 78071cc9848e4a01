import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections, syncJobs } from "~/db/schema";
import { saveConnection } from "~/server/connections/manage";
import { squareWorld } from "~/server/testing/square-world";
import { CIRCUIT } from "./circuit-breaker";
import { runSyncJob } from "./run-job";
import { syncSettings } from "./settings";
import { sweepSyncJobs } from "./sweeper";

// Jobs are run explicitly here; record what would have been handed to the jobs driver.
const dispatched = vi.hoisted(() => [] as unknown[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeEach(async () => {
  dispatched.length = 0;
  w = await squareWorld();
});
afterEach(() => w.dispose());

const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 2_000 });
const later = (ms: number) => new Date(Date.now() + ms);

describe("order sync state machine (Square adapter against the fake)", () => {
  it("pushes an order once: POS order with our reference, attempt logged, order and connection updated", async () => {
    const { order, job } = await w.order();
    expect(job.status).toBe("pending");
    const r = await runSyncJob(w.t.db, job.id, { settings });
    expect(r.status).toBe("success");
    const [pos] = w.posOrders();
    expect(pos?.reference_id).toBe(order.id);
    expect(pos?.line_items[0]).toMatchObject({ quantity: "2", base_price_money: { amount: 1450, currency: "USD" } });
    expect(w.fake.state.payments.size).toBe(1); // EXTERNAL payment so the order shows on the POS
    const done = await w.job(job.id);
    expect(done).toMatchObject({ status: "success", posOrderId: pos!.id, lastErrorMessage: null });
    const [a] = await w.attempts(job.id);
    expect(a).toMatchObject({ attemptNumber: 1, outcome: "success" });
    expect(a!.durationMs).toBeGreaterThanOrEqual(0);
    const conn = await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) });
    expect(conn?.lastSyncAt).toBeInstanceOf(Date);
    // Running it again does nothing: the job is no longer due.
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("skipped");
    expect(w.posOrders()).toHaveLength(1);
  });

  it("5xx → retry on the fixed schedule, then success when the POS is back", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 503 });
    const r = await runSyncJob(w.t.db, job.id, { settings });
    expect(r.status).toBe("retry");
    const j = await w.job(job.id);
    expect(j).toMatchObject({ status: "retry", retryCount: 1, lastErrorClass: "unavailable" });
    expect(j.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(Date.now() + settings.retryIntervalMs - 5_000);
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("skipped"); // not due yet
    const r2 = await runSyncJob(w.t.db, job.id, { settings, now: later(settings.retryIntervalMs + 1000) });
    expect(r2.status).toBe("success");
    expect((await w.attempts(job.id)).map((a) => a.outcome)).toEqual(["retry", "success"]);
  });

  it("429 → waits at least Retry-After", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 429, retryAfterSeconds: 42 });
    const r = await runSyncJob(w.t.db, job.id, { settings });
    expect(r.status).toBe("retry");
    const j = await w.job(job.id);
    expect(j.lastErrorClass).toBe("rate_limited");
    expect(j.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(Date.now() + 41_000);
    expect(j.nextAttemptAt.getTime()).toBeLessThan(Date.now() + settings.retryIntervalMs);
  });

  it("400 → failed at once, no retry, seller told", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 400, code: "INVALID_VALUE", detail: "bad line item" });
    const r = await runSyncJob(w.t.db, job.id, { settings });
    expect(r.status).toBe("failed");
    expect(await w.job(job.id)).toMatchObject({ status: "failed", retryCount: 1, lastErrorClass: "validation" });
    expect((await w.notices()).map((n) => n.type)).toContain("sync.failed");
    expect(w.posOrders()).toHaveLength(0);
  });

  it("401 → needs_reauth: the order waits (no retries spent) until the seller reconnects", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 401 });
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("needs_reauth");
    const waiting = await w.job(job.id);
    expect(waiting).toMatchObject({ status: "pending", retryCount: 0, lastErrorClass: "auth" });
    const conn = await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) });
    expect(conn?.status).toBe("needs_reauth");
    expect((await w.notices()).filter((n) => n.type === "connection.needs_reauth")).toHaveLength(1);
    // The sweeper leaves it alone while the connection needs re-authorization…
    await sweepSyncJobs(w.t.db, async (j) => runSyncJob(w.t.db, j.id, { settings }));
    expect(w.posOrders()).toHaveLength(0);
    // …and reconnecting wakes it and hands it to the jobs driver.
    const token = w.fake.issueToken();
    await saveConnection(w.t.db, { organizationId: w.tenant.org.id, userId: w.tenant.user.id }, {
      restaurantId: w.tenant.restaurant.id,
      provider: "square",
      credentials: { accessToken: token.accessToken, refreshToken: token.refreshToken, expiresAt: token.expiresAt },
    });
    expect(dispatched).toContainEqual(expect.objectContaining({ data: expect.objectContaining({ jobId: job.id }) }));
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("success");
  });

  it("gives up after max retries, telling the seller after 3 failures and at the end", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 500, times: Infinity });
    const s = { ...settings, maxRetries: 3 };
    await w.t.db.update(syncJobs).set({ maxRetries: 3 }).where(eq(syncJobs.id, job.id));
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      // Reset the breaker so this test isolates the retry budget.
      await w.t.db.update(connections).set({ circuitState: "closed", consecutiveFailures: 0 }).where(eq(connections.id, w.connection.id));
      outcomes.push((await runSyncJob(w.t.db, job.id, { settings: s, now: later(i * (s.retryIntervalMs + 1000)) })).status);
    }
    expect(outcomes).toEqual(["retry", "retry", "retry", "failed"]);
    expect(await w.job(job.id)).toMatchObject({ status: "failed", retryCount: 4 });
    expect((await w.notices()).map((n) => n.type).sort()).toEqual(["sync.failed", "sync.failing"]);
  });

  it("a timeout after the POS created the order still ends with exactly one POS order", async () => {
    const { job } = await w.order();
    const fast = { ...settings, requestTimeoutMs: 300 };
    w.fake.faults.next("POST /v2/orders", { delayMs: 1_200 });
    const r = await runSyncJob(w.t.db, job.id, { settings: fast });
    expect(r.status).toBe("retry");
    expect(w.posOrders()).toHaveLength(1); // the POS did create it
    const r2 = await runSyncJob(w.t.db, job.id, { settings: fast, now: later(fast.retryIntervalMs + 1000) });
    expect(r2.status).toBe("success");
    expect(w.posOrders()).toHaveLength(1);
    expect(w.fake.state.payments.size).toBe(1);
    expect((await w.job(job.id)).posOrderId).toBe(w.posOrders()[0]!.id);
  });

  it("circuit breaker: 3 failures open it, orders queue without calling the POS, a probe closes it", async () => {
    w.fake.faults.next("POST /v2/orders", { status: 503, times: 3 });
    for (let i = 0; i < 3; i++) {
      const { job } = await w.order();
      await runSyncJob(w.t.db, job.id, { settings });
    }
    const conn = await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) });
    expect(conn).toMatchObject({ circuitState: "open", consecutiveFailures: 3, health: "degraded" });

    const { job } = await w.order();
    const calls = w.fake.state.requests.length;
    const deferred = await runSyncJob(w.t.db, job.id, { settings });
    expect(deferred.status).toBe("deferred");
    expect(w.fake.state.requests.length).toBe(calls); // the POS was not called
    expect(await w.job(job.id)).toMatchObject({ status: "retry", retryCount: 0 });

    const probe = await runSyncJob(w.t.db, job.id, { settings, now: later(CIRCUIT.openMs + 1000) });
    expect(probe.status).toBe("success");
    const closed = await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) });
    expect(closed).toMatchObject({ circuitState: "closed", consecutiveFailures: 0, health: "online" });
  });

  it("two workers racing for one job: exactly one pushes it", async () => {
    const { job } = await w.order();
    const results = await Promise.all([runSyncJob(w.t.db, job.id, { settings }), runSyncJob(w.t.db, job.id, { settings })]);
    expect(results.map((r) => r.status).sort()).toEqual(["skipped", "success"]);
    expect(w.posOrders()).toHaveLength(1);
  });
});

describe("orders without a ready connection", () => {
  it("stay pending with a clear reason and go once a location is chosen", async () => {
    await w.t.db.update(connections).set({ externalLocationId: null }).where(eq(connections.id, w.connection.id));
    const { job } = await w.order();
    expect(job.status).toBe("pending");
    expect(job.lastErrorMessage).toMatch(/Choose which POS location/);
    await sweepSyncJobs(w.t.db, async (j) => runSyncJob(w.t.db, j.id, { settings }));
    expect(w.posOrders()).toHaveLength(0);
  });
});

describe("sweeper", () => {
  it("recovers a job stuck in syncing after a crash and re-drives due jobs", async () => {
    const { job } = await w.order();
    await w.t.db.update(syncJobs).set({ status: "syncing", lockedAt: new Date(Date.now() - 10 * 60_000) }).where(eq(syncJobs.id, job.id));
    const counts = await sweepSyncJobs(w.t.db, async (j) => runSyncJob(w.t.db, j.id, { settings }), { settings });
    expect(counts).toEqual({ recovered: 1, redriven: 1 });
    expect((await w.job(job.id)).status).toBe("success");
    expect(w.posOrders()).toHaveLength(1);
  });
});
