import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { connectionHealthSamples, connections, notifications } from "~/db/schema";
import { scheduleById } from "~/server/jobs/registry";
import { makeAdmin } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { monitorConnectionHealth } from "./check-connection-health";
import { HEALTH_NOTICE_TYPES } from "./health-alerts";
import { deriveHealth, uptimeOf } from "./health-policy";
import { uptimeByConnection } from "./uptime";

const h = vi.hoisted(() => ({ db: null as unknown as Db }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));

let w: Awaited<ReturnType<typeof squareWorld>>;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let clock: number;
const tick = () => new Date((clock += 5 * 60_000));
const check = () => monitorConnectionHealth(w.t.db, { now: () => new Date(clock), timeoutMs: 2_000 }).finally(tick);

beforeEach(async () => {
  w = await squareWorld();
  h.db = w.t.db;
  admin = await makeAdmin(w.t.db);
  clock = Date.now();
});
afterEach(() => w.dispose());

const conn = async () => (await w.t.db.select().from(connections).where(eq(connections.id, w.connection.id)))[0]!;
const alerts = async () => (await w.t.db.select().from(notifications)).filter((n) => n.type.startsWith("pos.health_"));
const breakSquare = () => w.fake.faults.next("GET /v2/locations", { status: 503, times: Infinity });

describe("health policy", () => {
  it("derives online / degraded / offline from the check, the breaker and the failures in a row", () => {
    expect(deriveHealth({ ok: true, latencyMs: 120 }, "closed", 0)).toBe("online");
    expect(deriveHealth({ ok: true, latencyMs: 2_500 }, "closed", 0)).toBe("degraded");
    expect(deriveHealth({ ok: true, latencyMs: 120 }, "open", 0)).toBe("degraded");
    expect(deriveHealth({ ok: false, latencyMs: 0 }, "closed", 0)).toBe("degraded");
    expect(deriveHealth({ ok: false, latencyMs: 0 }, "closed", 1)).toBe("degraded");
    expect(deriveHealth({ ok: false, latencyMs: 0 }, "closed", 2)).toBe("offline");
    expect(deriveHealth({ ok: false, latencyMs: 0 }, "open", 0)).toBe("offline");
  });

  it("computes uptime: online 1, degraded ½, offline 0; no samples is no data", () => {
    expect(uptimeOf({ online: 6, degraded: 2, offline: 2 })).toBe(0.7);
    expect(uptimeOf({ online: 3, degraded: 0, offline: 1 })).toBe(0.75);
    expect(uptimeOf({ online: 0, degraded: 0, offline: 0 })).toBeNull();
  });

  it("counts only the samples inside the window", async () => {
    const now = new Date("2026-06-30T12:00:00Z");
    const at = (hoursAgo: number, status: "online" | "degraded" | "offline") => ({
      connectionId: w.connection.id, provider: "square", checkedAt: new Date(now.getTime() - hoursAgo * 3_600_000), ok: status !== "offline", latencyMs: 50, status,
    });
    await w.t.db.insert(connectionHealthSamples).values([
      ...[1, 2, 3, 4, 5, 6].map((x) => at(x, "online")),
      at(7, "degraded"), at(8, "degraded"), at(9, "offline"), at(10, "offline"),
      at(25, "offline"), at(30, "offline"), at(48, "offline"), // outside 24 h
    ]);
    const day = (await uptimeByConnection(w.t.db, [w.connection.id], { now })).get(w.connection.id);
    expect(day).toEqual({ online: 6, degraded: 2, offline: 2, uptime: 0.7 });
    const threeDays = (await uptimeByConnection(w.t.db, [w.connection.id], { now, windowMs: 72 * 3_600_000 })).get(w.connection.id);
    expect(threeDays?.uptime).toBeCloseTo(7 / 13, 10);
  });
});

describe("health monitor", () => {
  it("stores a sample per check and keeps a healthy POS online without alerts", async () => {
    expect(await check()).toMatchObject({ checked: 1, online: 1, transitions: 0, alerts: 0 });
    const c = await conn();
    expect(c).toMatchObject({ health: "online", healthChangedAt: null });
    expect(c.healthCheckedAt).toBeInstanceOf(Date);
    const [sample] = await w.t.db.select().from(connectionHealthSamples);
    expect(sample).toMatchObject({ connectionId: w.connection.id, provider: "square", ok: true, status: "online" });
    expect(await alerts()).toEqual([]);
  });

  it("alerts once on going offline, not on every failed check, and once when back online", async () => {
    breakSquare();
    expect(await check()).toMatchObject({ degraded: 1, alerts: 0 }); // one blip is not an outage
    expect(await check()).toMatchObject({ degraded: 1, alerts: 0 });
    expect(await check()).toMatchObject({ offline: 1, transitions: 1, alerts: 1 });
    expect((await conn()).health).toBe("offline");
    const offline = await alerts();
    // The seller's team (org-wide) and each platform admin (addressed by user id), once.
    expect(offline.map((n) => [n.type, n.organizationId, n.userId])).toEqual(
      expect.arrayContaining([
        [HEALTH_NOTICE_TYPES.offline, w.tenant.org.id, null],
        [HEALTH_NOTICE_TYPES.offline, null, admin.id],
      ]),
    );
    expect(offline).toHaveLength(2);
    expect(offline[0]!.title).toBe(`Square is offline for ${w.tenant.restaurant.name}`);

    for (let i = 0; i < 3; i++) expect(await check()).toMatchObject({ offline: 1, transitions: 0, alerts: 0 });
    expect(await alerts()).toHaveLength(2);

    w.fake.faults.clear();
    expect(await check()).toMatchObject({ online: 1, transitions: 1, alerts: 1 });
    const all = await alerts();
    expect(all.filter((n) => n.type === HEALTH_NOTICE_TYPES.recovered)).toHaveLength(2);
    expect(all).toHaveLength(4);
    expect(await check()).toMatchObject({ online: 1, alerts: 0 });
    expect(await alerts()).toHaveLength(4);
    expect(await w.t.db.select().from(connectionHealthSamples)).toHaveLength(8);
  });

  it("shows an open circuit breaker as degraded even when the POS answers", async () => {
    await w.t.db.update(connections).set({ circuitState: "open", circuitOpenedAt: new Date() }).where(eq(connections.id, w.connection.id));
    expect(await check()).toMatchObject({ degraded: 1, alerts: 0 });
  });

  it("counts a check that does not answer in time as failed", async () => {
    w.fake.faults.next("GET /v2/locations", { delayMs: 1_500 });
    await monitorConnectionHealth(w.t.db, { timeoutMs: 300 });
    const [sample] = await w.t.db.select().from(connectionHealthSamples);
    expect(sample).toMatchObject({ ok: false, status: "degraded" });
  });

  it("skips disconnected and needs_reauth connections", async () => {
    await w.t.db.update(connections).set({ status: "needs_reauth" }).where(eq(connections.id, w.connection.id));
    expect(await check()).toMatchObject({ checked: 0 });
  });

  it("runs every 5 minutes on Inngest and every minute in-process", async () => {
    expect(scheduleById("health-monitor")).toMatchObject({ cron: "*/5 * * * *", everyMs: 60_000 });
    const { healthMonitor } = await import("~/inngest/functions/health-monitor");
    const engine = new InngestTestEngine({ function: healthMonitor, events: [{ name: "inngest/scheduled.timer", data: { cron: "*/5 * * * *" } }] });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ checked: 1, online: 1 });
  });
});
