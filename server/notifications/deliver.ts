import { and, asc, eq, inArray, isNull, lte, ne, or } from "drizzle-orm";
import type { Db } from "~/db/client";
import { notifications } from "~/db/schema";
import { env } from "~/env";
import { logger } from "~/server/logger";
import { defaultChannels, type Channels } from "./channels";
import { DeliveryError, isDeliveryError, scrubRecipients } from "./channels/types";

type Row = typeof notifications.$inferSelect;

export type DeliverySettings = {
  /** Sends per row before it is marked failed (the first send counts). */
  maxAttempts: number;
  /** Backoff after the n-th failed send: baseDelayMs · 2^(n-1), capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * A claimed row's nextAttemptAt is pushed this far ahead while it is being sent, so no other
   * worker picks it up; a worker that dies mid-batch releases it when the lease runs out.
   */
  leaseMs: number;
  /** A channel without credentials is looked at again after this long (no attempt spent). */
  notConfiguredDelayMs: number;
  batchSize: number;
  /** Batches per run, so one run cannot hold the schedule for ever. */
  maxBatches: number;
  /** Sends in flight at once within a batch. */
  concurrency: number;
};

export function deliverySettings(overrides: Partial<DeliverySettings> = {}): DeliverySettings {
  return {
    maxAttempts: env.NOTIFICATION_MAX_ATTEMPTS,
    baseDelayMs: 30_000,
    maxDelayMs: 60 * 60_000,
    leaseMs: 10 * 60_000,
    notConfiguredDelayMs: 5 * 60_000,
    batchSize: 20,
    maxBatches: 5,
    concurrency: 5,
    ...overrides,
  };
}

/** Delay before the next send after `failures` failed sends (1 → base, 2 → 2·base, …). */
export function backoffMs(failures: number, s: Pick<DeliverySettings, "baseDelayMs" | "maxDelayMs">): number {
  return Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Claim due outbound rows in one statement: the inner SELECT … FOR UPDATE SKIP LOCKED means two
 * workers never take the same row, and the lease on nextAttemptAt keeps it out of every later
 * claim until this worker records the outcome. Rows stay `pending` (the schema has no
 * "sending" state); in-app rows are delivered by being stored and are never claimed.
 */
export async function claimDueNotifications(db: Db, now: Date, limit: number, leaseMs: number): Promise<Row[]> {
  const due = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.status, "pending"),
        ne(notifications.channel, "in_app"),
        or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(notifications)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(and(inArray(notifications.id, due), eq(notifications.status, "pending")))
    .returning();
}

export type DeliveryOutcome = "sent" | "retry" | "failed" | "deferred";

async function deliverOne(db: Db, row: Row, channels: Channels, s: DeliverySettings, now: () => Date): Promise<DeliveryOutcome> {
  const channel = row.channel === "in_app" ? undefined : channels[row.channel];
  const attempt = row.retryCount + 1;
  const mine = and(eq(notifications.id, row.id), eq(notifications.status, "pending"));
  try {
    if (!channel) {
      throw new DeliveryError("not_configured", `${row.channel} not configured`);
    }
    if (!row.recipient) {
      await db.update(notifications).set({ status: "failed", retryCount: attempt, nextAttemptAt: null, lastError: "No recipient" }).where(mine);
      logger.warn("notifications.failed", { id: row.id, channel: row.channel, reason: "no_recipient" });
      return "failed";
    }
    await channel.send({ id: row.id, recipient: row.recipient, title: row.title, body: row.body });
    await db.update(notifications).set({ status: "sent", sentAt: now(), nextAttemptAt: null, lastError: null }).where(mine);
    logger.info("notifications.sent", { id: row.id, channel: row.channel, attempt });
    return "sent";
  } catch (raw) {
    // Anything that is not a DeliveryError (a bug, a driver surprise) is treated as transient.
    const error = raw as Partial<DeliveryError> & Error;
    const kind = isDeliveryError(raw) ? raw.kind : "retry";
    const lastError = scrubRecipients(error.message ?? String(raw), row.recipient).slice(0, 1000);
    const fields = { id: row.id, channel: row.channel, attempt, kind, code: error.details?.code, status: error.details?.status };
    if (kind === "not_configured") {
      await db
        .update(notifications)
        .set({ lastError, nextAttemptAt: new Date(now().getTime() + s.notConfiguredDelayMs) })
        .where(mine);
      logger.warn("notifications.channel_not_configured", { id: row.id, channel: row.channel });
      return "deferred";
    }
    if (kind === "permanent" || attempt >= s.maxAttempts) {
      await db.update(notifications).set({ status: "failed", retryCount: attempt, nextAttemptAt: null, lastError }).where(mine);
      logger.warn("notifications.failed", { ...fields, error: lastError });
      return "failed";
    }
    const delay = Math.max(backoffMs(attempt, s), error.details?.retryAfterMs ?? 0);
    const nextAttemptAt = new Date(now().getTime() + delay);
    await db.update(notifications).set({ retryCount: attempt, nextAttemptAt, lastError }).where(mine);
    logger.warn("notifications.retry_scheduled", { ...fields, error: lastError, delayMs: delay });
    return "retry";
  }
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

export type DeliveryRun = { claimed: number; sent: number; retried: number; failed: number; deferred: number };

/**
 * The delivery queue: claim due `pending` email/SMS/WhatsApp rows, send each through its
 * channel, and record the outcome. sent → status `sent` + sentAt; a transient error →
 * retryCount+1 and nextAttemptAt with exponential backoff; a permanent error (invalid
 * recipient) or the last allowed attempt → `failed`. A channel without credentials leaves the
 * row pending with lastError saying so. Safe to run from any number of workers at once.
 */
export async function deliverDueNotifications(
  db: Db,
  opts: { channels?: Channels; settings?: Partial<DeliverySettings>; now?: () => Date } = {},
): Promise<DeliveryRun> {
  const s = deliverySettings(opts.settings);
  const channels = opts.channels ?? defaultChannels();
  const now = opts.now ?? (() => new Date());
  const run: DeliveryRun = { claimed: 0, sent: 0, retried: 0, failed: 0, deferred: 0 };
  for (let batch = 0; batch < s.maxBatches; batch++) {
    const rows = await claimDueNotifications(db, now(), s.batchSize, s.leaseMs);
    run.claimed += rows.length;
    await pool(rows, s.concurrency, async (row) => {
      const outcome = await deliverOne(db, row, channels, s, now);
      if (outcome === "sent") run.sent++;
      else if (outcome === "retry") run.retried++;
      else if (outcome === "failed") run.failed++;
      else run.deferred++;
    });
    if (rows.length < s.batchSize) break;
  }
  if (run.claimed) logger.info("notifications.delivery_run", { ...run });
  return run;
}
