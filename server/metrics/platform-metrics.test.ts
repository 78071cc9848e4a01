import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionHealthSamples, connections, orders, pollRuns, restaurants, syncJobs, webhookEvents } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { platformMetrics } from "./platform-metrics";
import { rangeWindow } from "./range";

const NOW = new Date("2026-03-10T12:30:00Z");
let t: TestDb;
let seq = 0;

async function order(r: { id: string; organizationId: string }, at: string, amount: number, currency: string, job?: { provider: string; status: "success" | "failed" | "pending"; latencyMs?: number; resolved?: boolean }) {
  const createdAt = new Date(at);
  const [o] = await t.db
    .insert(orders)
    .values({ organizationId: r.organizationId, restaurantId: r.id, externalId: `m-${++seq}`, type: "pickup", currency, subtotalAmount: amount, totalAmount: amount, customerName: "C", placedAt: createdAt, createdAt })
    .returning();
  if (job) {
    await t.db.insert(syncJobs).values({
      organizationId: r.organizationId,
      restaurantId: r.id,
      orderId: o!.id,
      provider: job.provider,
      status: job.status,
      idempotencyKey: `k-${seq}`,
      maxRetries: 12,
      completedAt: job.latencyMs !== undefined ? new Date(createdAt.getTime() + job.latencyMs) : job.status === "failed" ? createdAt : null,
      resolvedAt: job.resolved ? NOW : null,
      createdAt,
    });
  }
}

beforeAll(async () => {
  t = await createTestDb();
  const a = await makeTenant(t.db);
  const b = await makeTenant(t.db);
  const c = await makeTenant(t.db);
  const [eur] = await t.db.update(restaurants).set({ currency: "EUR" }).where(eqId(b.restaurant.id)).returning();
  const ra = a.restaurant;
  const rb = eur!;
  const [sq] = await t.db.insert(connections).values({ organizationId: a.org.id, restaurantId: ra.id, provider: "square" }).returning();
  const [tb] = await t.db.insert(connections).values({ organizationId: b.org.id, restaurantId: rb.id, provider: "touchbistro" }).returning();
  await t.db.insert(connections).values({ organizationId: c.org.id, restaurantId: c.restaurant.id, provider: "square", status: "needs_reauth" });

  await order(ra, "2026-03-10T00:00:00.000Z", 1000, "USD", { provider: "square", status: "success", latencyMs: 2000 });
  // The time-zone edge: the last millisecond of yesterday (UTC) is not "today".
  await order(ra, "2026-03-09T23:59:59.999Z", 500, "USD", { provider: "square", status: "failed" });
  await order(rb, "2026-03-10T12:10:00.000Z", 700, "EUR", { provider: "touchbistro", status: "success", latencyMs: 4000 });
  await order(ra, "2026-03-03T10:00:00.000Z", 300, "USD", { provider: "square", status: "success", latencyMs: 10000 });
  await order(ra, "2026-03-10T11:00:00.000Z", 200, "USD", { provider: "square", status: "pending" });
  await order(ra, "2026-03-10T01:00:00.000Z", 100, "USD", { provider: "square", status: "failed", resolved: true });
  // After `now`: never counted.
  await order(ra, "2026-03-10T13:00:00.000Z", 9999, "USD", { provider: "square", status: "success", latencyMs: 1 });

  const sample = (connectionId: string, provider: string, at: string, status: "online" | "degraded" | "offline") => ({ connectionId, provider, checkedAt: new Date(at), ok: status === "online", latencyMs: 10, status });
  await t.db.insert(connectionHealthSamples).values([
    sample(sq!.id, "square", "2026-03-09T12:59:59.999Z", "offline"), // before the 24 h window
    sample(sq!.id, "square", "2026-03-09T13:00:00.000Z", "online"),
    sample(sq!.id, "square", "2026-03-10T00:00:00.000Z", "online"),
    sample(sq!.id, "square", "2026-03-10T06:00:00.000Z", "offline"),
    sample(sq!.id, "square", "2026-03-10T12:00:00.000Z", "online"),
    sample(tb!.id, "touchbistro", "2026-03-10T10:00:00.000Z", "degraded"),
    sample(tb!.id, "touchbistro", "2026-03-10T11:00:00.000Z", "online"),
  ]);
  const hook = (status: (typeof webhookEvents.$inferInsert)["status"], at = "2026-03-10T08:00:00Z") => ({ provider: "square", signatureValid: status !== "rejected", rawBody: "{}", status, receivedAt: new Date(at) });
  await t.db.insert(webhookEvents).values([hook("processed"), hook("processed"), hook("processed"), hook("failed"), hook("rejected"), hook("ignored"), hook("unmatched"), hook("failed", "2026-03-01T00:00:00Z")]);
  await t.db.insert(pollRuns).values([
    { provider: "touchbistro", connectionId: tb!.id, startedAt: new Date("2026-03-10T09:00:00Z"), polled: 10, succeeded: 8, failed: 2 },
    { provider: "touchbistro", connectionId: tb!.id, startedAt: new Date("2026-03-08T09:00:00Z"), polled: 10, succeeded: 0, failed: 10 },
  ]);
});
afterAll(() => t.dispose());

import { eq } from "drizzle-orm";
function eqId(id: string) {
  return eq(restaurants.id, id);
}

describe("rangeWindow", () => {
  it("24 h is the current UTC hour and the 23 before it; days are UTC midnights", () => {
    const h = rangeWindow("24h", NOW);
    expect(h.buckets).toHaveLength(24);
    expect(h.buckets[0]).toBe("2026-03-09T13:00:00Z");
    expect(h.buckets.at(-1)).toBe("2026-03-10T12:00:00Z");
    expect(h.to.toISOString()).toBe("2026-03-10T12:30:00.001Z");
    const d = rangeWindow("7d", NOW);
    expect(d.buckets).toEqual(["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"].map((x) => `${x}T00:00:00Z`));
    expect(rangeWindow("30d", NOW).buckets).toHaveLength(30);
  });
});

describe("platformMetrics", () => {
  it("24 h: today's orders and revenue per currency, sync rate, latency percentiles, open failures", async () => {
    const m = await platformMetrics(t.db, "24h", NOW);
    expect(m.ordersToday).toBe(4);
    expect(m.revenueToday).toEqual([
      { currency: "EUR", amount: 700 },
      { currency: "USD", amount: 1300 },
    ]);
    expect(m.ordersInRange).toBe(5);
    expect(m.activeRestaurants).toBe(2);
    expect(m.sync).toEqual({ synced: 2, failed: 2, successRate: 0.5 });
    expect(m.latencyMs).toEqual({ p50: 3000, p95: 3900 });
    expect(m.openFailures).toBe(1);
    expect(m.series).toHaveLength(24);
    const at = (b: string) => m.series.find((p) => p.bucket === b);
    expect(at("2026-03-09T23:00:00Z")).toEqual({ bucket: "2026-03-09T23:00:00Z", orders: 1, synced: 0, failed: 1, revenue: { USD: 500 } });
    expect(at("2026-03-10T00:00:00Z")).toEqual({ bucket: "2026-03-10T00:00:00Z", orders: 1, synced: 1, failed: 0, revenue: { USD: 1000 } });
    expect(at("2026-03-10T12:00:00Z")).toMatchObject({ orders: 1, synced: 1, revenue: { EUR: 700 } });
    expect(at("2026-03-09T14:00:00Z")).toEqual({ bucket: "2026-03-09T14:00:00Z", orders: 0, synced: 0, failed: 0, revenue: {} });
    expect(m.series.reduce((s, p) => s + p.orders, 0)).toBe(5);
  });

  it("7 d: daily UTC buckets with empty days as zero; the edge order falls on the 9th", async () => {
    const m = await platformMetrics(t.db, "7d", NOW);
    expect(m.series.map((p) => p.orders)).toEqual([0, 0, 0, 0, 0, 1, 4]);
    expect(m.series[5]).toEqual({ bucket: "2026-03-09T00:00:00Z", orders: 1, synced: 0, failed: 1, revenue: { USD: 500 } });
    expect(m.series[6]!.revenue).toEqual({ USD: 1300, EUR: 700 });
    expect(m.ordersToday).toBe(4);
  });

  it("30 d includes the older order; p95 interpolates between samples", async () => {
    const m = await platformMetrics(t.db, "30d", NOW);
    expect(m.ordersInRange).toBe(6);
    expect(m.revenueInRange).toEqual([
      { currency: "EUR", amount: 700 },
      { currency: "USD", amount: 2100 },
    ]);
    expect(m.latencyMs).toEqual({ p50: 4000, p95: 9400 });
    expect(m.sync.successRate).toBeCloseTo(3 / 5);
  });

  it("per provider: restaurants, orders, uptime, webhook and polling success", async () => {
    const m = await platformMetrics(t.db, "24h", NOW);
    const p = Object.fromEntries(m.providers.map((x) => [x.id, x]));
    expect(p.square).toMatchObject({
      restaurants: 2,
      orders: 4,
      sync: { synced: 1, failed: 2 },
      uptime: { samples: 4, online: 3, rate: 0.75 },
      webhooks: { total: 7, processed: 3, failed: 2, successRate: 0.6 },
      polling: { polled: 0, successRate: null },
    });
    expect(p.touchbistro).toMatchObject({
      restaurants: 1,
      orders: 1,
      uptime: { samples: 2, online: 1, rate: 0.5 },
      webhooks: { total: 0, successRate: null },
      polling: { polled: 10, succeeded: 8, failed: 2, successRate: 0.8 },
    });
    expect(p.petpooja).toMatchObject({ restaurants: 0, orders: 0, uptime: { samples: 0, rate: null } });
    const week = await platformMetrics(t.db, "7d", NOW);
    expect(week.providers.find((x) => x.id === "touchbistro")!.polling).toMatchObject({ polled: 20, successRate: 0.4 });
  });

  it("an empty platform is zeros and nulls, never made-up figures", async () => {
    const empty = await createTestDb();
    try {
      const m = await platformMetrics(empty.db, "7d", NOW);
      expect(m).toMatchObject({ ordersToday: 0, revenueToday: [], activeRestaurants: 0, openFailures: 0, latencyMs: { p50: null, p95: null }, sync: { successRate: null } });
      expect(m.series.every((p) => p.orders === 0)).toBe(true);
    } finally {
      await empty.dispose();
    }
  });
});

describe("hourly rollup", () => {
  it("gives the same figures as the live read; latency within a bin (±2.5 %); idempotent", async () => {
    const { refreshMetricsRollups } = await import("./rollup");
    const before = await Promise.all((["24h", "7d", "30d"] as const).map((r) => platformMetrics(t.db, r, NOW)));
    const first = await refreshMetricsRollups(t.db, NOW);
    expect(first.until.toISOString()).toBe("2026-03-10T12:00:00.000Z");
    expect(first.from.toISOString()).toBe("2026-03-01T00:00:00.000Z"); // the oldest data (a webhook call)
    await refreshMetricsRollups(t.db, NOW);
    for (const [i, r] of (["24h", "7d", "30d"] as const).entries()) {
      const after = await platformMetrics(t.db, r, NOW);
      const { latencyMs: l1, latencyExact: e1, ...rest1 } = before[i]!;
      const { latencyMs: l2, latencyExact: e2, ...rest2 } = after;
      expect(rest2).toEqual(rest1);
      expect([e1, e2]).toEqual([true, false]);
      for (const k of ["p50", "p95"] as const) expect(Math.abs(l2[k]! - l1[k]!) / l1[k]!).toBeLessThan(0.06);
    }
  });

  it("a late change inside the refresh window is picked up by the next refresh", async () => {
    const { refreshMetricsRollups } = await import("./rollup");
    const r = (await t.db.select().from(restaurants).limit(1))[0]!;
    await order(r, "2026-03-10T03:00:00.000Z", 50, r.currency, { provider: "square", status: "success", latencyMs: 100 });
    const stale = await platformMetrics(t.db, "24h", NOW);
    await refreshMetricsRollups(t.db, NOW);
    const fresh = await platformMetrics(t.db, "24h", NOW);
    expect(fresh.ordersInRange).toBe(stale.ordersInRange + 1);
  });
});

describe("providerMetrics on its own", () => {
  it("reads the rollup without buckets and matches the overview's provider figures", async () => {
    const { providerMetrics } = await import("./provider-metrics");
    const w = rangeWindow("30d", NOW);
    expect(await providerMetrics(t.db, w)).toEqual((await platformMetrics(t.db, "30d", NOW)).providers);
  });
});
