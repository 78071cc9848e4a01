import { NonRetriableError, RetryAfterError } from "inngest";
import { getDb } from "~/db";
import { runMenuSync } from "~/server/menu/sync/run-sync";
import { inngest } from "../client";
import { menuSyncRequested } from "../events";

/**
 * Sync one connection's menu (server/menu/sync). One run at a time per connection (the run
 * row is the lock too, so the in-process driver gets the same guarantee); a per-provider
 * throttle keeps a nightly fan-out of many restaurants under vendor rate limits. A transient
 * POS failure is retried (each attempt is its own recorded run); auth and rejected requests are not.
 */
export const syncMenu = inngest.createFunction(
  {
    id: "sync-menu",
    triggers: [menuSyncRequested],
    concurrency: [{ key: "event.data.connectionId", limit: 1 }],
    throttle: { key: "event.data.provider", limit: 5, period: "1s" },
    retries: 2,
  },
  async ({ event, step }) => {
    const result = await step.run("sync-menu", async () => {
      const r = await runMenuSync(await getDb(), { connectionId: event.data.connectionId, trigger: event.data.trigger, runId: event.data.runId });
      // The run row is read from the database by whoever needs it; keep the step output small.
      return r.status === "skipped" ? r : { status: r.status, runId: r.runId, errorCode: r.run.errorCode, errorMessage: r.run.errorMessage };
    });
    if (result.status !== "failed") return result;
    const code = "errorCode" in result ? result.errorCode : null;
    const message = `Menu sync failed (${code}): ${"errorMessage" in result ? result.errorMessage : ""}`;
    if (code === "rate_limited") throw new RetryAfterError(message, "1m");
    if (code === "unavailable" || code === "internal") throw new Error(message);
    throw new NonRetriableError(message);
  },
);
