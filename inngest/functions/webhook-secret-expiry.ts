import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { expireWebhookSecrets } from "~/server/webhooks/secrets";
import { inngest } from "../client";

const schedule = scheduleById("webhook-secret-expiry");

/** Retire rotated-out webhook secrets whose grace window has ended. */
export const webhookSecretExpiry = inngest.createFunction(
  { id: "webhook-secret-expiry", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("expire-webhook-secrets", async () => expireWebhookSecrets(await getDb())),
);
