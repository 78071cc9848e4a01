import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { dueWebhookEvents } from "~/server/webhooks/process";
import { inngest } from "../client";
import { webhookReceived } from "../events";

const schedule = scheduleById("webhook-sweeper");

/** Every minute: re-send an event for every stored webhook call whose processing is due. */
export const webhookSweeper = inngest.createFunction(
  { id: "webhook-sweeper", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("find-due-webhooks", async () => dueWebhookEvents(await getDb()));
    if (due.length) {
      await step.sendEvent(
        "redrive-due-webhooks",
        due.map((e) => webhookReceived.create({ webhookEventId: e.id, provider: e.provider, connectionId: e.connectionId })),
      );
    }
    return { redriven: due.length };
  },
);
