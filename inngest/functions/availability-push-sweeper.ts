import { getDb } from "~/db";
import { duePushRetries } from "~/server/menu/availability/push-sweeper";
import { scheduleById } from "~/server/jobs/registry";
import { inngest } from "../client";
import { menuAvailabilityPushRequested } from "../events";

const schedule = scheduleById("availability-push-sweeper");

/** Every minute: re-send availability pushes that failed retryably and Inngest gave up on. */
export const availabilityPushSweeper = inngest.createFunction(
  { id: "availability-push-sweeper", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("find-failed-pushes", async () => duePushRetries(await getDb()));
    if (due.length) {
      await step.sendEvent(
        "redrive-failed-pushes",
        due.map((c) => menuAvailabilityPushRequested.create({ changeId: c.changeId, connectionId: c.connectionId, provider: null })),
      );
    }
    return { redriven: due.length };
  },
);
