import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifications } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { deliverDueNotifications } from "../deliver";
import { captureLogs, expectNoPersonalData, notificationRow, queueOutbound, testClock } from "~/server/testing/notifications";
import { createSmsChannel, twilioSmsProvider } from "./sms";
import { createTwilioClient } from "./twilio";
import { startFakeTwilio, type FakeTwilio } from "./twilio-fake";
import { DeliveryError } from "./types";
import { createWhatsAppChannel, twilioWhatsAppProvider } from "./whatsapp";

const FROM = "+15005550006";
const WA_FROM = "+14155238886";

let t: TestDb;
let fake: FakeTwilio;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
const logs = captureLogs();

beforeAll(async () => {
  [t, fake] = await Promise.all([createTestDb(), startFakeTwilio()]);
  tenant = await makeTenant(t.db);
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

const client = () => createTwilioClient({ baseUrl: fake.url, accountSid: fake.accountSid, authToken: fake.authToken });
const channels = () => ({
  sms: createSmsChannel(twilioSmsProvider(client(), FROM)),
  whatsapp: createWhatsAppChannel(twilioWhatsAppProvider(client(), WA_FROM)),
});

describe("Twilio adapter against the fake", () => {
  it("posts form-encoded To/From/Body with Basic auth and returns the message sid", async () => {
    const msg = await client().sendMessage({ to: "+14155550111", from: FROM, body: "Hello" });
    expect(msg.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.messages).toEqual([expect.objectContaining({ sid: msg.sid, to: "+14155550111", from: FROM, body: "Hello", status: "queued" })]);
    expect(fake.requests.at(-1)).toMatchObject({ method: "POST", path: `/2010-04-01/Accounts/${fake.accountSid}/Messages.json` });
  });

  it("wrong credentials are Twilio's 401/20003 (retried: an operator can fix them)", async () => {
    const bad = createTwilioClient({ baseUrl: fake.url, accountSid: fake.accountSid, authToken: "wrong" });
    const error = await bad.sendMessage({ to: "+14155550111", from: FROM, body: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ kind: "retry", details: { status: 401, code: 20003 } });
  });

  it("without credentials the adapter says it is not configured", async () => {
    const none = createTwilioClient({ baseUrl: fake.url });
    await expect(none.sendMessage({ to: "+14155550111", from: FROM, body: "x" })).rejects.toMatchObject({ kind: "not_configured" });
  });
});

describe("SMS / WhatsApp delivery through the queue", () => {
  it("sends an SMS: the row is sent and the fake holds exactly one message", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550111" });
    expect(await deliverDueNotifications(t.db, { channels: channels() })).toMatchObject({ sent: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "sent", retryCount: 0 });
    expect(fake.messages).toEqual([expect.objectContaining({ to: "+14155550111", from: FROM, body: row.body })]);
  });

  it("sends WhatsApp with whatsapp:-prefixed To and From", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "whatsapp", recipient: "+14155550112" });
    expect(await deliverDueNotifications(t.db, { channels: channels() })).toMatchObject({ sent: 1 });
    expect((await notificationRow(t.db, row.id)).status).toBe("sent");
    expect(fake.messages).toEqual([expect.objectContaining({ to: "whatsapp:+14155550112", from: `whatsapp:${WA_FROM}` })]);
  });

  it("an invalid number (Twilio 400/21211) fails at once, with the number scrubbed from lastError", async () => {
    fake.invalidNumbers.add("+14155550199");
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550199" });
    expect(await deliverDueNotifications(t.db, { channels: channels() })).toMatchObject({ failed: 1 });
    const stored = await notificationRow(t.db, row.id);
    expect(stored).toMatchObject({ status: "failed", retryCount: 1, nextAttemptAt: null });
    expect(stored.lastError).toContain("21211");
    expect(stored.lastError).not.toContain("4155550199");
    expect(fake.messages).toHaveLength(0);
  });

  it("Twilio's magic 'not a mobile number' (21614) is permanent too", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+15005550009" });
    await deliverDueNotifications(t.db, { channels: channels() });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "failed", retryCount: 1 });
  });

  it("a 500 is retried after the backoff, then sent", async () => {
    const clock = testClock();
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550113", nextAttemptAt: clock.now() });
    fake.faults.next({ status: 500 });
    const run = () => deliverDueNotifications(t.db, { channels: channels(), now: clock.now, settings: { baseDelayMs: 30_000 } });

    expect(await run()).toMatchObject({ retried: 1 });
    const retry = await notificationRow(t.db, row.id);
    expect(retry).toMatchObject({ status: "pending", retryCount: 1, nextAttemptAt: clock.at(30_000) });
    expect(retry.lastError).toContain("20500");

    clock.advance(10_000);
    expect(await run()).toMatchObject({ claimed: 0 });
    clock.advance(20_000);
    expect(await run()).toMatchObject({ sent: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "sent", retryCount: 1 });
    expect(fake.messages).toHaveLength(1);
  });

  it("a 429 waits for Retry-After (or the backoff, whichever is longer), then sends", async () => {
    const clock = testClock();
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550114", nextAttemptAt: clock.now() });
    fake.faults.next({ status: 429, retryAfterSeconds: 120 });
    const run = () => deliverDueNotifications(t.db, { channels: channels(), now: clock.now, settings: { baseDelayMs: 30_000 } });
    expect(await run()).toMatchObject({ retried: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "pending", retryCount: 1, nextAttemptAt: clock.at(120_000) });
    expect((await notificationRow(t.db, row.id)).lastError).toContain("20429");
    clock.advance(120_000);
    expect(await run()).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(1);
  });

  it("a Twilio that keeps answering 503 fails the row after maxAttempts", async () => {
    const clock = testClock();
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "sms", recipient: "+14155550115", nextAttemptAt: clock.now() });
    fake.faults.next({ status: 503, times: 10 });
    for (let i = 0; i < 5; i++) {
      await deliverDueNotifications(t.db, { channels: channels(), now: clock.now, settings: { maxAttempts: 5, baseDelayMs: 1_000 } });
      clock.advance(60 * 60_000);
    }
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "failed", retryCount: 5 });
    expect(fake.messages).toHaveLength(0);
  });

  it("no log line contains a phone number or an email address", () => {
    expectNoPersonalData(logs, ["+14155550111", "+14155550112", "+14155550199", "+15005550009", "+14155550113"]);
  });
});
