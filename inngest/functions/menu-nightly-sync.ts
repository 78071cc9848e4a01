import { getDb } from "~/db";
import { scheduleById } from "~/server/jobs/registry";
import { nightlyMenuSyncEvents, nightlyMenuSyncTargets } from "~/server/menu/sync/nightly";
import { inngest } from "../client";

const schedule = scheduleById("menu-nightly-sync");

/**
 * Nightly: one menu.sync-requested event per active connection that can read its menu. Each
 * becomes its own sync-menu run, so a broken restaurant fails (and retries) alone.
 */
export const menuNightlySync = inngest.createFunction(
  { id: "menu-nightly-sync", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const targets = await step.run("list-connections", async () => nightlyMenuSyncTargets(await getDb()));
    if (targets.length) await step.sendEvent("fan-out", nightlyMenuSyncEvents(targets));
    return { connections: targets.length };
  },
);
