import { NonRetriableError, RetryAfterError } from "inngest";
import { getDb } from "~/db";
import { runSyncJob } from "~/server/sync/run-job";
import { inngest } from "../client";
import { orderSyncRequested } from "../events";

/**
 * Push one order to its POS. Flow control only: one push at a time per connection (orders
 * reach a kitchen in sequence), a per-provider throttle under vendor rate limits. The state
 * machine and its schedule live in Postgres (server/sync); outcomes map onto Inngest's own
 * retry controls so its dashboard shows the truth.
 */
export const syncOrder = inngest.createFunction(
  {
    id: "sync-order",
    triggers: [orderSyncRequested],
    concurrency: [{ key: "event.data.connectionId", limit: 1 }],
    // Square publishes no numbers (reference §1.7); 10/s per provider stays well clear of 429s.
    throttle: { key: "event.data.provider", limit: 10, period: "1s" },
    retries: 3,
  },
  async ({ event, step }) => {
    const result = await step.run("push-order", async () =>
      runSyncJob(await getDb(), event.data.jobId, { manual: event.data.manual }),
    );
    if (result.status === "retry") {
      throw new RetryAfterError(`POS push will be retried: ${result.error.message}`, new Date(result.nextAttemptAt));
    }
    if (result.status === "failed" || result.status === "needs_reauth") {
      throw new NonRetriableError(`POS push ${result.status}: ${result.error.message}`);
    }
    return result;
  },
);
