import { cron } from "inngest";
import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { inngest } from "../client";
import { heartbeatRequested } from "../events";

const schedule = scheduleById("heartbeat");

/** Proves the scheduler is alive: runs every minute and on demand from the admin overview. */
export const heartbeat = inngest.createFunction(
  { id: "heartbeat", triggers: [cron(schedule.cron), heartbeatRequested], concurrency: { limit: 1 } },
  async ({ step }) =>
    step.run("record-heartbeat", async () => {
      const { at } = (await schedule.run({ db: await getDb(), driver: "inngest" })) as { at: Date };
      return { at: at.toISOString() };
    }),
);
