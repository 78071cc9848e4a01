import { NonRetriableError, RetryAfterError } from "inngest";
import { getDb } from "~/db";
import { pushAvailabilityChange } from "~/server/menu/availability/push";
import { inngest } from "../client";
import { menuAvailabilityPushRequested } from "../events";

/**
 * Push one availability change (86 / back on) to the POS. One at a time per connection, so two
 * quick clicks on the same item reach the POS in order (push.ts also skips superseded changes);
 * a per-provider throttle keeps us under vendor rate limits. Failures are recorded on the
 * change (push_error) before Inngest retries.
 */
export const pushAvailability = inngest.createFunction(
  {
    id: "push-availability",
    triggers: [menuAvailabilityPushRequested],
    concurrency: [{ key: "event.data.connectionId", limit: 1 }],
    throttle: { key: "event.data.provider", limit: 10, period: "1s" },
    retries: 5,
  },
  async ({ event, step }) => {
    const result = await step.run("push-to-pos", async () => pushAvailabilityChange(await getDb(), event.data.changeId));
    if (result.status === "retry") {
      throw new RetryAfterError(`Availability push will be retried: ${result.error}`, result.retryAfterMs ?? "30s");
    }
    if (result.status === "failed") throw new NonRetriableError(`Availability push failed: ${result.error}`);
    return result;
  },
);
