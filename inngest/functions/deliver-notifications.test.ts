import { eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { notifications } from "~/db/schema";
import { createSmsChannel, twilioSmsProvider } from "~/server/notifications/channels/sms";
import { createTwilioClient } from "~/server/notifications/channels/twilio";
import { startFakeTwilio, type FakeTwilio } from "~/server/notifications/channels/twilio-fake";
import { notificationRow, queueOutbound } from "~/server/testing/notifications";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";

let t: TestDb;
let fake: FakeTwilio;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
vi.mock("~/db", () => ({ getDb: async () => t.db }));
// The deployment's channels, as configured: SMS through the Twilio adapter pointed at the fake.
const configured = vi.hoisted(() => ({ channels: {} as Record<string, unknown> }));
vi.mock("~/server/notifications/channels", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  defaultChannels: () => configured.channels,
}));

beforeAll(async () => {
  [t, fake] = await Promise.all([createTestDb(), startFakeTwilio()]);
  tenant = await makeTenant(t.db);
  const client = createTwilioClient({ baseUrl: fake.url, accountSid: fake.accountSid, authToken: fake.authToken });
  configured.channels = { sms: createSmsChannel(twilioSmsProvider(client, "+15005550006")) };
});
afterAll(async () => {
  await fake.close();
  await t.dispose();
});
beforeEach(async () => {
  fake.faults.clear();
  fake.messages.length = 0;
  await t.db.delete(notifications).where(eq(notifications.organizationId, tenant.org.id));
});

async function run() {
  const { deliverNotifications } = await import("./deliver-notifications");
  const engine = new InngestTestEngine({
    function: deliverNotifications,
    events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
  });
  return engine.execute();
}

describe("deliver-notifications function", () => {
  it("on its cron, sends every due row through its channel", async () => {
    const a = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550111" });
    const b = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550112" });
    const later = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550113", nextAttemptAt: new Date(Date.now() + 60_000) });
    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ claimed: 2, sent: 2, retried: 0, failed: 0 });
    expect((await notificationRow(t.db, a.id)).status).toBe("sent");
    expect((await notificationRow(t.db, b.id)).status).toBe("sent");
    expect((await notificationRow(t.db, later.id)).status).toBe("pending");
    expect(fake.messages.map((m) => m.to).sort()).toEqual(["+14155550111", "+14155550112"]);
  });

  it("a vendor outage schedules retries in the table; the run itself succeeds", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550114" });
    fake.faults.next({ status: 500 });
    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ claimed: 1, retried: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "pending", retryCount: 1 });
  });

  it("a channel this deployment has no credentials for leaves rows pending", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "asha@example.com" });
    const { result } = await run();
    expect(result).toMatchObject({ claimed: 1, deferred: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "pending", retryCount: 0, lastError: "email not configured" });
  });
});
