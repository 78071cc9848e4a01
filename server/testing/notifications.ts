import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "~/db/client";
import { notifications } from "~/db/schema";
import { logger } from "~/server/logger";

/** Test-only helpers for the notification queue (imported by *.test.ts files only). */
export async function queueOutbound(
  db: Db,
  organizationId: string,
  row: { channel: "email" | "sms" | "whatsapp"; recipient: string; title?: string; body?: string; nextAttemptAt?: Date },
) {
  const [n] = await db
    .insert(notifications)
    .values({
      organizationId,
      channel: row.channel,
      type: "order.out_for_delivery",
      title: row.title ?? "Order N-1: out for delivery",
      body: row.body ?? "Your order N-1 from Restaurant is on its way.",
      recipient: row.recipient,
      status: "pending",
      nextAttemptAt: row.nextAttemptAt ?? new Date(Date.now() - 1_000),
    })
    .returning();
  return n!;
}

export async function notificationRow(db: Db, id: string) {
  const [n] = await db.select().from(notifications).where(eq(notifications.id, id));
  return n!;
}

/** A clock the test moves by hand, starting now. */
export function testClock(start = Date.now()) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), at: (ms: number) => new Date(start + ms) };
}

/** Every line handed to the logger, as JSON, for "no personal data in logs" assertions. */
export function captureLogs() {
  const lines: string[] = [];
  for (const level of ["debug", "info", "warn", "error"] as const) {
    const original = logger[level];
    logger[level] = (msg, fields) => {
      lines.push(JSON.stringify({ msg, ...fields }, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v)));
      original(msg, fields);
    };
  }
  return lines;
}

const EMAIL = /[^\s@"]+@[^\s@"]+\.[a-z]{2,}/i;
const PHONE = /\+?\d(?:[\s.-]?\d){7,14}/;

export function expectNoPersonalData(lines: string[], recipients: string[]) {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    for (const r of recipients) expect(line).not.toContain(r);
    // Timestamps and uuids are fine; an email address or phone-like digit run is not.
    const withoutIds = line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>").replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, "<time>");
    expect(withoutIds).not.toMatch(EMAIL);
    expect(withoutIds).not.toMatch(PHONE);
  }
}
