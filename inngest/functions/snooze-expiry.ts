import { getDb } from "~/db";
import { expireSnoozes } from "~/server/menu/availability/expire-snoozes";
import { scheduleById } from "~/server/jobs/registry";
import { inngest } from "../client";
import { menuAvailabilityPushRequested } from "../events";

const schedule = scheduleById("snooze-expiry");

/** Every minute: snoozed menu rows whose time is up come back on, and the POS is told. */
export const snoozeExpiry = inngest.createFunction(
  { id: "snooze-expiry", triggers: [{ cron: schedule.cron }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const expired = await step.run("expire-snoozes", async () => expireSnoozes(await getDb()));
    if (expired.length) {
      await step.sendEvent(
        "push-expired-snoozes",
        expired.map((c) => menuAvailabilityPushRequested.create({ changeId: c.changeId, connectionId: c.connectionId, provider: null })),
      );
    }
    return { expired: expired.length };
  },
);
