import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifications } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { DeliveryError, type NotificationChannel, type OutboundMessage } from "./channels/types";
import { backoffMs, claimDueNotifications, deliverDueNotifications } from "./deliver";
import { captureLogs, expectNoPersonalData, notificationRow, queueOutbound, testClock } from "~/server/testing/notifications";

let t: TestDb;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
const logs = captureLogs();
beforeAll(async () => {
  t = await createTestDb();
  tenant = await makeTenant(t.db);
});
afterAll(() => t.dispose());
// Each test sees only its own rows.
beforeEach(async () => {
  await t.db.delete(notifications).where(eq(notifications.organizationId, tenant.org.id));
});

/** A channel that records what it sent and fails as told. */
function scriptedChannel(name: "sms" | "email", script: (m: OutboundMessage, call: number) => void = () => {}) {
  const sent: OutboundMessage[] = [];
  let calls = 0;
  const channel: NotificationChannel = {
    name,
    async send(m) {
      calls++;
      await new Promise((r) => setTimeout(r, 2));
      script(m, calls);
      sent.push(m);
      return { providerMessageId: `p-${calls}` };
    },
  };
  return { channel, sent, calls: () => calls };
}

describe("deliverDueNotifications", () => {
  it("sends a due row once and marks it sent; a second run finds nothing", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550111" });
    const sms = scriptedChannel("sms");
    expect(await deliverDueNotifications(t.db, { channels: { sms: sms.channel } })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "sent", retryCount: 0, lastError: null, nextAttemptAt: null });
    expect((await notificationRow(t.db, row.id)).sentAt).toBeInstanceOf(Date);
    expect(await deliverDueNotifications(t.db, { channels: { sms: sms.channel } })).toMatchObject({ claimed: 0 });
    expect(sms.sent.map((m) => m.id)).toEqual([row.id]);
  });

  it("claims each row exactly once when several workers run at the same time", async () => {
    const rows = await Promise.all(
      Array.from({ length: 30 }, (_, i) => queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: `+1415555${String(1000 + i)}` })),
    );
    const sms = scriptedChannel("sms");
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => deliverDueNotifications(t.db, { channels: { sms: sms.channel }, settings: { batchSize: 5, maxBatches: 10 } })),
    );
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(30);
    const ids = sms.sent.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
    const stored = await t.db.select().from(notifications);
    expect(stored.every((n) => n.status === "sent")).toBe(true);
  });

  it("a claimed row is leased: no other claim takes it until the lease runs out", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "asha@example.com" });
    const now = new Date();
    expect((await claimDueNotifications(t.db, now, 10, 60_000)).map((r) => r.id)).toEqual([row.id]);
    expect(await claimDueNotifications(t.db, new Date(now.getTime() + 59_000), 10, 60_000)).toEqual([]);
    expect((await claimDueNotifications(t.db, new Date(now.getTime() + 61_000), 10, 60_000)).map((r) => r.id)).toEqual([row.id]);
  });

  it("retries transient errors with exponential backoff and fails after maxAttempts", async () => {
    const clock = testClock();
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550123", nextAttemptAt: clock.now() });
    const sms = scriptedChannel("sms", () => {
      throw new DeliveryError("retry", "Twilio 503 (20503): Service Unavailable", { status: 503 });
    });
    const settings = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };
    const run = () => deliverDueNotifications(t.db, { channels: { sms: sms.channel }, settings, now: clock.now });

    expect(await run()).toMatchObject({ retried: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "pending", retryCount: 1, nextAttemptAt: clock.at(1_000) });
    expect((await notificationRow(t.db, row.id)).lastError).toContain("503");

    clock.advance(999); // not due yet
    expect(await run()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await run()).toMatchObject({ retried: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "pending", retryCount: 2, nextAttemptAt: clock.at(1_000 + 2_000) });

    clock.advance(2_000);
    expect(await run()).toMatchObject({ failed: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "failed", retryCount: 3, nextAttemptAt: null, sentAt: null });
    clock.advance(60 * 60_000);
    expect(await run()).toMatchObject({ claimed: 0 });
    expect(sms.calls()).toBe(3);
  });

  it("a provider's Retry-After wins over a shorter backoff", async () => {
    const clock = testClock();
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550124", nextAttemptAt: clock.now() });
    const sms = scriptedChannel("sms", () => {
      throw new DeliveryError("retry", "Twilio 429 (20429): Too Many Requests", { status: 429, retryAfterMs: 90_000 });
    });
    await deliverDueNotifications(t.db, { channels: { sms: sms.channel }, settings: { baseDelayMs: 1_000 }, now: clock.now });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ retryCount: 1, nextAttemptAt: clock.at(90_000) });
  });

  it("a permanent error fails the row at once", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "12" });
    const sms = scriptedChannel("sms", () => {
      throw new DeliveryError("permanent", "Invalid phone number (not E.164)");
    });
    expect(await deliverDueNotifications(t.db, { channels: { sms: sms.channel } })).toMatchObject({ failed: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "failed", retryCount: 1, lastError: "Invalid phone number (not E.164)" });
  });

  it("a channel that is not configured leaves the row pending, says so, and spends no attempt", async () => {
    const clock = testClock();
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "whatsapp", recipient: "+14155550125", nextAttemptAt: clock.now() });
    expect(await deliverDueNotifications(t.db, { channels: {}, now: clock.now, settings: { notConfiguredDelayMs: 300_000 } })).toMatchObject({ deferred: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "pending", retryCount: 0, lastError: "whatsapp not configured", nextAttemptAt: clock.at(300_000) });
  });

  it("never claims in-app rows (they are delivered by being stored)", async () => {
    await t.db.insert(notifications).values({ organizationId: tenant.org.id, channel: "in_app", type: "x", title: "t", body: "b", status: "pending", nextAttemptAt: new Date(0) });
    expect(await claimDueNotifications(t.db, new Date(), 10, 1_000)).toEqual([]);
  });

  it("scrubs the recipient out of stored errors", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "ben@example.com" });
    const email = scriptedChannel("email", () => {
      throw new Error("550 5.1.1 <ben@example.com>: mailbox unavailable");
    });
    await deliverDueNotifications(t.db, { channels: { email: email.channel } });
    const stored = await notificationRow(t.db, row.id);
    expect(stored.lastError).toContain("mailbox unavailable");
    expect(stored.lastError).not.toContain("ben@example.com");
  });

  it("backoff doubles from the base and is capped", () => {
    const s = { baseDelayMs: 30_000, maxDelayMs: 3_600_000 };
    expect([1, 2, 3, 4].map((n) => backoffMs(n, s))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20, s)).toBe(3_600_000);
  });

  it("no log line contains a phone number or an email address", () => {
    expectNoPersonalData(logs, ["+14155550111", "+14155550123", "asha@example.com", "ben@example.com"]);
  });
});
