import type { Db } from "~/db/client";
import type { EventData, EventName } from "~/inngest/events";
import { refreshDueTokens } from "~/server/connections/refresh-due";
import { runSyncJob } from "~/server/sync/run-job";
import { sweepSyncJobs } from "~/server/sync/sweeper";
import type { OrderStatus } from "~/db/schema";
import { enqueueStatusNotifications } from "~/server/notifications/status-messages";
import { deliverDueNotifications } from "~/server/notifications/deliver";
import { recordHeartbeat } from "./heartbeat";
import { pollOpenOrders } from "~/server/polling/poll-orders";
import { processWebhookEvent, sweepWebhookEvents } from "~/server/webhooks/process";
import { expireWebhookSecrets } from "~/server/webhooks/secrets";
import { purgeExpiredActivity } from "~/server/retention/purge-activity";
import { refreshMetricsRollups } from "~/server/metrics/rollup";
import { monitorConnectionHealth } from "~/server/monitoring/check-connection-health";
import { runNightlyMenuSync } from "~/server/menu/sync/nightly";
import { runMenuSync } from "~/server/menu/sync/run-sync";
import { MENU_SYNC_DEBOUNCE_MAX_WAIT_SECONDS, menuSyncDebounceMs } from "~/server/menu/sync/settings";
import { pushAvailabilityChange } from "~/server/menu/availability/push";
import { expireSnoozesAndPush, redriveFailedPushes } from "~/server/menu/availability/jobs";

export type JobContext = { db: Db; driver: "inngest" | "inline" };

/**
 * The work behind every event and schedule. Both drivers call exactly these functions:
 * Inngest functions wrap them with flow control, the inline driver calls them directly.
 */
export const handlers: { [N in EventName]: (data: EventData<N>, ctx: JobContext) => Promise<unknown> } = {
  "switchboard/heartbeat.requested": (_data, ctx) => recordHeartbeat(ctx.db, "heartbeat", ctx.driver),
  "switchboard/order.sync-requested": (data, ctx) => runSyncJob(ctx.db, data.jobId, { manual: data.manual }),
  "switchboard/tokens.refresh-requested": (_data, ctx) => refreshDueTokens(ctx.db),
  "switchboard/order.status-changed": (data, ctx) => enqueueStatusNotifications(ctx.db, data.orderId, data.to as OrderStatus),
  "switchboard/webhook.received": (data, ctx) => processWebhookEvent(ctx.db, data.webhookEventId),
  "switchboard/menu.sync-requested": (data, ctx) => runMenuSync(ctx.db, { connectionId: data.connectionId, trigger: data.trigger, runId: data.runId }),
  // In-process this handler runs once per debounce window (see `debounces`); on Inngest the debounced function re-emits menu.sync-requested.
  "switchboard/menu.changed": (data, ctx) => runMenuSync(ctx.db, { connectionId: data.connectionId, trigger: "webhook" }),
  "switchboard/menu.availability-push-requested": (data, ctx) => pushAvailabilityChange(ctx.db, data.changeId),
};

/**
 * Events gathered per key: the in-process driver runs the handler once, with the last event,
 * when no event of that key arrived for the period, or once `maxWaitMs` passed since the first
 * (Inngest's `debounce`, same key, period and timeout).
 */
export const debounces: { [N in EventName]?: { key: (data: EventData<N>) => string; periodMs: () => number; maxWaitMs: number } } = {
  "switchboard/menu.changed": { key: (data) => data.connectionId, periodMs: menuSyncDebounceMs, maxWaitMs: MENU_SYNC_DEBOUNCE_MAX_WAIT_SECONDS * 1_000 },
};

export type Schedule = {
  id: string;
  /** For Inngest. */
  cron: string;
  /** The cadence of the inline driver's timer. */
  everyMs: number;
  run: (ctx: JobContext) => Promise<unknown>;
  /** Inline driver: first run this long after start instead of at start (for heavy nightly work). */
  firstRunAfterMs?: number;
};

export const schedules: Schedule[] = [
  {
    id: "heartbeat",
    cron: "* * * * *",
    everyMs: 60_000,
    run: (ctx) => recordHeartbeat(ctx.db, "heartbeat", ctx.driver),
  },
  {
    // Inngest's smallest cron step is a minute; in-process we sweep every second (DESIGN.md).
    id: "sync-sweeper",
    cron: "* * * * *",
    everyMs: 1_000,
    run: (ctx) => sweepSyncJobs(ctx.db, (job) => runSyncJob(ctx.db, job.id)),
  },
  {
    id: "token-refresh",
    cron: "0 * * * *",
    everyMs: 60 * 60_000,
    run: (ctx) => refreshDueTokens(ctx.db),
  },
  {
    // Customer email/SMS/WhatsApp queue: claim due rows and send them (Inngest: every minute).
    id: "deliver-notifications",
    cron: "* * * * *",
    everyMs: 5_000,
    run: (ctx) => deliverDueNotifications(ctx.db),
  },
  {
    // Stored webhook calls whose processing was lost or failed and is due again.
    id: "webhook-sweeper",
    cron: "* * * * *",
    everyMs: 5_000,
    run: (ctx) => sweepWebhookEvents(ctx.db, (e) => processWebhookEvent(ctx.db, e.id)),
  },
  {
    // Order status of providers without webhooks (TouchBistro): poll open orders (seed 000).
    id: "poll-orders",
    cron: "* * * * *",
    everyMs: 15_000,
    run: (ctx) => pollOpenOrders(ctx.db),
  },
  {
    // Rotated-out webhook secrets stop verifying once their grace window ends.
    id: "webhook-secret-expiry",
    cron: "*/15 * * * *",
    everyMs: 15 * 60_000,
    run: (ctx) => expireWebhookSecrets(ctx.db),
  },
  {
    // Snoozed menu rows whose time is up come back on (reads already treat them as available).
    id: "snooze-expiry",
    cron: "* * * * *",
    everyMs: 15_000,
    run: (ctx) => expireSnoozesAndPush(ctx.db),
  },
  {
    // Availability pushes that failed with a retryable error (in-process retries; Inngest's safety net).
    id: "availability-push-sweeper",
    cron: "* * * * *",
    everyMs: 30_000,
    run: (ctx) => redriveFailedPushes(ctx.db),
  },
  {
    // Nightly full menu sync of every active connection that can read its menu. In-process the
    // first run waits a day (not at every start); on Inngest it fans out one event per connection.
    id: "menu-nightly-sync",
    cron: "30 3 * * *",
    everyMs: 24 * 60 * 60_000,
    firstRunAfterMs: 24 * 60 * 60_000,
    run: (ctx) => runNightlyMenuSync(ctx.db),
  },
  {
    // POS health of every active connection (seed 000 monitorRestaurantPOSHealth): server/monitoring.
    id: "health-monitor",
    cron: "*/5 * * * *",
    everyMs: 60_000,
    run: (ctx) => monitorConnectionHealth(ctx.db),
  },
  {
    // Settled webhook calls and poll-run metrics past ACTIVITY_RETENTION_DAYS are deleted.
    id: "activity-retention",
    cron: "15 4 * * *",
    everyMs: 6 * 60 * 60_000,
    run: (ctx) => purgeExpiredActivity(ctx.db),
  },
  {
    // Hourly rollup of the admin metrics (server/metrics/rollup.ts); the overview reads newer hours live.
    id: "metrics-rollup",
    cron: "*/5 * * * *",
    everyMs: 5 * 60_000,
    firstRunAfterMs: 30_000,
    run: (ctx) => refreshMetricsRollups(ctx.db),
  },
];

export function scheduleById(id: string): Schedule {
  const s = schedules.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown schedule ${id}`);
  return s;
}
