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
};

export type Schedule = {
  id: string;
  /** For Inngest. */
  cron: string;
  /** The cadence of the inline driver's timer. */
  everyMs: number;
  run: (ctx: JobContext) => Promise<unknown>;
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
];

export function scheduleById(id: string): Schedule {
  const s = schedules.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown schedule ${id}`);
  return s;
}
