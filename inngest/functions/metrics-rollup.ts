import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { refreshMetricsRollups } from "~/server/metrics/rollup";
import { inngest } from "../client";

const schedule = scheduleById("metrics-rollup");

/** Every 5 minutes: roll the admin metrics up per UTC hour (server/metrics/rollup.ts). */
export const metricsRollup = inngest.createFunction(
  { id: "metrics-rollup", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) =>
    step.run("refresh-metrics-rollups", async () => {
      const r = await refreshMetricsRollups(await getDb());
      return { from: r.from.toISOString(), until: r.until.toISOString(), hours: r.hours };
    }),
);
