import { cron } from "inngest";
import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { deliverDueNotifications } from "~/server/notifications/deliver";
import { inngest } from "../client";

const schedule = scheduleById("deliver-notifications");

/**
 * Every minute: send due customer email/SMS/WhatsApp rows. Retries and backoff live in the
 * notifications table (claim with SKIP LOCKED), so the step itself does not need Inngest's
 * retries to be correct; one run at a time keeps the cron from stacking.
 */
export const deliverNotifications = inngest.createFunction(
  { id: "deliver-notifications", triggers: [cron(schedule.cron)], concurrency: { limit: 1 }, retries: 1 },
  async ({ step }) => step.run("deliver-due", async () => deliverDueNotifications(await getDb(), { settings: { maxBatches: 20 } })),
);
