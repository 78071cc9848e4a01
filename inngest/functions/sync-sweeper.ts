import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { sweepSyncJobs, type DueJob } from "~/server/sync/sweeper";
import { inngest } from "../client";
import { orderSyncRequested } from "../events";

const schedule = scheduleById("sync-sweeper");

/** Every minute: recover stuck jobs and re-send an event for every due one. */
export const syncSweeper = inngest.createFunction(
  { id: "sync-sweeper", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("find-due-jobs", async () => {
      const jobs: DueJob[] = [];
      const counts = await sweepSyncJobs(await getDb(), async (job) => jobs.push(job));
      return { ...counts, jobs };
    });
    if (due.jobs.length) {
      await step.sendEvent(
        "redrive-due-jobs",
        due.jobs.map((j) => orderSyncRequested.create({ jobId: j.id, connectionId: j.connectionId, provider: j.provider, manual: false })),
      );
    }
    return { recovered: due.recovered, redriven: due.jobs.length };
  },
);
