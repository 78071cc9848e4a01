import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { pollOpenOrders } from "~/server/polling/poll-orders";
import { inngest } from "../client";

const schedule = scheduleById("poll-orders");

/** Every minute: poll the open orders of providers without webhooks (server/polling). One run at a time. */
export const pollOrders = inngest.createFunction(
  { id: "poll-orders", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const summary = await step.run("poll-open-orders", async () => pollOpenOrders(await getDb()));
    return { polled: summary.polled, succeeded: summary.succeeded, failed: summary.failed, changed: summary.changed };
  },
);
