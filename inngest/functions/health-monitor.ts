import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { monitorConnectionHealth } from "~/server/monitoring/check-connection-health";
import { inngest } from "../client";

const schedule = scheduleById("health-monitor");

/** Every 5 minutes: check every active connection's POS and update its health (server/monitoring). One run at a time. */
export const healthMonitor = inngest.createFunction(
  { id: "health-monitor", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("check-connection-health", async () => monitorConnectionHealth(await getDb())),
);
