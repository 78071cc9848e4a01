import { getDb } from "~/db";
import { refreshDueTokens } from "~/server/connections/refresh-due";
import { scheduleById } from "~/server/jobs/registry";
import { inngest } from "../client";
import { tokensRefreshRequested } from "../events";

const schedule = scheduleById("token-refresh");

/** Hourly proactive OAuth refresh, so no order ever waits on an expired token. */
export const tokenRefresh = inngest.createFunction(
  { id: "token-refresh", triggers: [{ cron: schedule.cron }, tokensRefreshRequested], concurrency: { limit: 1 } },
  async ({ step }) => step.run("refresh-due-tokens", async () => refreshDueTokens(await getDb())),
);
