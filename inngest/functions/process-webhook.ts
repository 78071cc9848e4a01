import { RetryAfterError } from "inngest";
import { getDb } from "~/db";
import { processWebhookEvent } from "~/server/webhooks/process";
import { inngest } from "../client";
import { webhookReceived } from "../events";

/**
 * Process one stored vendor webhook. Flow control only: one at a time per connection, so two
 * status events for the same order apply in arrival order. Retries live in Postgres
 * (webhook_events.attempts/next_attempt_at); a failure is retried by Inngest once the row's
 * backoff has passed, and by the webhook sweeper if Inngest gives up.
 */
export const processWebhook = inngest.createFunction(
  {
    id: "process-webhook",
    triggers: [webhookReceived],
    concurrency: [{ key: "event.data.connectionId", limit: 1 }],
    retries: 3,
  },
  async ({ event, step }) => {
    const result = await step.run("process-webhook-event", async () => processWebhookEvent(await getDb(), event.data.webhookEventId));
    if (result.status === "failed") throw new RetryAfterError(`Webhook processing failed: ${result.error ?? "unknown"}`, "1m");
    return result;
  },
);
