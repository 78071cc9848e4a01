import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { purgeExpiredActivity } from "~/server/retention/purge-activity";
import { inngest } from "../client";

const schedule = scheduleById("activity-retention");

/** Daily: delete settled webhook calls and poll-run metrics past the retention window. */
export const activityRetention = inngest.createFunction(
  { id: "activity-retention", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("purge-expired-activity", async () => purgeExpiredActivity(await getDb())),
);
