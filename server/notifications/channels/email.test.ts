import { eq } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifications } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { deliverDueNotifications } from "../deliver";
import { captureLogs, expectNoPersonalData, notificationRow, queueOutbound } from "~/server/testing/notifications";
import { createEmailChannel } from "./email";

type Received = { envelopeFrom: string; envelopeTo: string[]; raw: string };

let t: TestDb;
let smtp: SMTPServer;
let smtpUrl: string;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
const received: Received[] = [];
const logs = captureLogs();

/** A real SMTP server on localhost: @bounce.test is refused for good (550), @busy.test for now (451). */
function smtpError(code: number, message: string) {
  return Object.assign(new Error(message), { responseCode: code });
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith("@bounce.test")) return cb(smtpError(550, "5.1.1 <" + address.address + ">: mailbox unavailable"));
      if (address.address.endsWith("@busy.test")) return cb(smtpError(451, "4.3.0 try again later"));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  t = await createTestDb();
  tenant = await makeTenant(t.db);
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.dispose();
});
beforeEach(async () => {
  received.length = 0;
  await t.db.delete(notifications).where(eq(notifications.organizationId, tenant.org.id));
});

const FROM = "Switchboard <notifications@switchboard.test>";
const channels = () => ({ email: createEmailChannel({ smtpUrl, from: FROM, timeoutMs: 5_000 }) });

describe("email channel over SMTP (real local smtp-server)", () => {
  it("delivers the mail: the server receives to, subject and body; the row is sent", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, {
      channel: "email",
      recipient: "asha@example.com",
      title: "Order N-7: out for delivery",
      body: "Your order N-7 from Curry House is on its way.",
    });
    expect(await deliverDueNotifications(t.db, { channels: channels() })).toMatchObject({ sent: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "sent", retryCount: 0, lastError: null });

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.envelopeTo).toEqual(["asha@example.com"]);
    expect(mail.envelopeFrom).toBe("notifications@switchboard.test");
    expect(mail.raw).toMatch(/^To: asha@example\.com\r?$/m);
    expect(mail.raw).toMatch(/^Subject: Order N-7: out for delivery\r?$/m);
    expect(mail.raw).toContain("Your order N-7 from Curry House is on its way.");
    // Header lines may be folded; the id is the row's, so a resend is recognisable.
    expect(mail.raw).toMatch(new RegExp(`Message-ID:\\s+<${row.id}@switchboard\\.notifications>`));
  });

  it("a recipient the server refuses (550) fails at once", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "nobody@bounce.test" });
    expect(await deliverDueNotifications(t.db, { channels: channels() })).toMatchObject({ failed: 1 });
    const stored = await notificationRow(t.db, row.id);
    expect(stored).toMatchObject({ status: "failed", retryCount: 1 });
    expect(stored.lastError).toContain("550");
    expect(stored.lastError).not.toContain("nobody@bounce.test");
    expect(received).toHaveLength(0);
  });

  it("a temporary refusal (451) is retried later", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "later@busy.test" });
    expect(await deliverDueNotifications(t.db, { channels: channels() })).toMatchObject({ retried: 1 });
    const stored = await notificationRow(t.db, row.id);
    expect(stored).toMatchObject({ status: "pending", retryCount: 1 });
    expect(stored.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("a malformed address fails at once without talking to the server", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "not-an-address" });
    expect(await deliverDueNotifications(t.db, { channels: channels() })).toMatchObject({ failed: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "failed", lastError: "Invalid email address" });
  });

  it("without SMTP_URL the row stays pending with lastError 'email not configured'", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "asha@example.com" });
    const unconfigured = { email: createEmailChannel({ smtpUrl: undefined, from: FROM }) };
    expect(await deliverDueNotifications(t.db, { channels: unconfigured })).toMatchObject({ deferred: 1 });
    const stored = await notificationRow(t.db, row.id);
    expect(stored).toMatchObject({ status: "pending", retryCount: 0, sentAt: null });
    expect(stored.lastError).toMatch(/^email not configured/);
    expect(received).toHaveLength(0);
  });

  it("an unreachable server is a transient failure", async () => {
    const row = await queueOutbound(t.db, tenant.org.id, { channel: "email", recipient: "asha@example.com" });
    const dead = { email: createEmailChannel({ smtpUrl: "smtp://127.0.0.1:1", from: FROM, timeoutMs: 2_000 }) };
    expect(await deliverDueNotifications(t.db, { channels: dead })).toMatchObject({ retried: 1 });
    expect(await notificationRow(t.db, row.id)).toMatchObject({ status: "pending", retryCount: 1 });
  });

  it("no log line contains an email address", () => {
    expectNoPersonalData(logs, ["asha@example.com", "nobody@bounce.test", "later@busy.test"]);
  });
});
