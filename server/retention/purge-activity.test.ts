import { InngestTestEngine } from "@inngest/test";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { connectionHealthSamples, connections, pollRuns, webhookEvents } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { purgeExpiredActivity } from "./purge-activity";

const h = vi.hoisted(() => ({ db: null as unknown as Db }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  h.db = t.db;
});
afterAll(() => t.dispose());

const DAY = 86_400_000;
const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

async function event(label: string, ageDays: number, status: (typeof webhookEvents.$inferInsert)["status"], nextAttemptAt: Date | null = null) {
  await t.db.insert(webhookEvents).values({ provider: "square", signatureValid: true, rawBody: label, status, receivedAt: daysAgo(ageDays), nextAttemptAt });
}
const remaining = async () => (await t.db.select({ rawBody: webhookEvents.rawBody }).from(webhookEvents)).map((r) => r.rawBody).sort();

describe("activity retention", () => {
  it("deletes settled webhook calls and poll runs older than the window, never work still owed", async () => {
    await event("old-processed", 40, "processed");
    await event("old-rejected", 36, "rejected");
    await event("old-unmatched", 90, "unmatched");
    await event("old-ignored", 35.01, "ignored");
    await event("old-failed-gave-up", 40, "failed");
    await event("old-failed-retry-due", 40, "failed", daysAgo(1));
    await event("old-received", 40, "received", daysAgo(40));
    await event("young-processed", 34.9, "processed");
    await t.db.insert(pollRuns).values([
      { provider: "touchbistro", startedAt: daysAgo(36) },
      { provider: "touchbistro", startedAt: daysAgo(2) },
    ]);

    const result = await purgeExpiredActivity(t.db, now, 35);
    expect(result).toEqual({ webhookEvents: 5, pollRuns: 1, healthSamples: 0, cutoff: daysAgo(35) });
    expect(await remaining()).toEqual(["old-failed-retry-due", "old-received", "young-processed"]);
    expect(await t.db.select().from(pollRuns)).toHaveLength(1);

    // Idempotent: nothing more to delete.
    expect(await purgeExpiredActivity(t.db, now, 35)).toMatchObject({ webhookEvents: 0, pollRuns: 0 });
  });

  it("deletes POS health samples older than the window", async () => {
    const tenant = await makeTenant(t.db);
    const [conn] = await t.db.insert(connections).values({ organizationId: tenant.org.id, restaurantId: tenant.restaurant.id, provider: "square" }).returning();
    const sample = (ageDays: number) => ({ connectionId: conn!.id, provider: "square", checkedAt: daysAgo(ageDays), ok: true, latencyMs: 40, status: "online" as const });
    await t.db.insert(connectionHealthSamples).values([sample(36), sample(35.01), sample(34.9), sample(1)]);
    expect(await purgeExpiredActivity(t.db, now, 35)).toMatchObject({ healthSamples: 2 });
    expect(await t.db.select().from(connectionHealthSamples)).toHaveLength(2);
    expect(await purgeExpiredActivity(t.db, now, 35)).toMatchObject({ healthSamples: 0 });
  });

  it("runs as a daily Inngest function", async () => {
    const { activityRetention } = await import("~/inngest/functions/activity-retention");
    await t.db.delete(webhookEvents).where(sql`true`);
    await t.db.delete(pollRuns).where(sql`true`);
    // Ages are relative to the fixed `now` above, long before the real clock the function uses.
    await event("ancient", 400, "processed");
    await t.db.insert(webhookEvents).values({ provider: "square", signatureValid: true, rawBody: "fresh", status: "processed" });
    const engine = new InngestTestEngine({ function: activityRetention, events: [{ name: "inngest/scheduled.timer", data: { cron: "15 4 * * *" } }] });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ webhookEvents: 1, pollRuns: 0 });
    expect(await remaining()).toEqual(["fresh"]);
  });
});
