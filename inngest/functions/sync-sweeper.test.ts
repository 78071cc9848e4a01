import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { syncJobs } from "~/db/schema";
import { PARKED } from "~/server/sync/pending-reason";
import { squareWorld } from "~/server/testing/square-world";

let w: Awaited<ReturnType<typeof squareWorld>>;
vi.mock("~/db", () => ({ getDb: async () => w.t.db }));
const dispatched = vi.hoisted(() => [] as unknown[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

beforeEach(async () => {
  w = await squareWorld();
  // Connecting dispatches the initial menu sync; these tests watch only what the functions send.
  dispatched.length = 0;
});
afterEach(() => w.dispose());

type SentEvent = { name: string; data: { jobId: string; connectionId: string | null; provider: string | null; manual: boolean } };

/**
 * Run the cron. The send step is mocked (it would otherwise post to Inngest); the mocked
 * `step.sendEvent` records what the function asked to send.
 */
async function sweep() {
  const { syncSweeper } = await import("./sync-sweeper");
  const engine = new InngestTestEngine({
    function: syncSweeper,
    events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    steps: [{ id: "redrive-due-jobs", handler: () => ({ ids: [] }) }],
  });
  const out = await engine.execute();
  const sends = out.ctx.step.sendEvent.mock.calls as unknown as [string, SentEvent[]][];
  return { ...out, sends };
}

const setJob = (id: string, patch: Partial<typeof syncJobs.$inferInsert>) =>
  w.t.db.update(syncJobs).set(patch).where(eq(syncJobs.id, id));

describe("sync-sweeper function", () => {
  it("re-sends every due job as order.sync-requested and recovers a job stuck in syncing", async () => {
    // A retry whose time came 5 minutes ago (its event was lost).
    const { job: due } = await w.order();
    await setJob(due.id, { status: "retry", nextAttemptAt: new Date(Date.now() - 5 * 60_000) });
    const { job: stuck } = await w.order();
    await setJob(stuck.id, { status: "syncing", lockedAt: new Date(Date.now() - 60 * 60_000) });
    const { job: later } = await w.order();
    await setJob(later.id, { status: "retry", nextAttemptAt: new Date(Date.now() + 60 * 60_000) });
    const { job: parked } = await w.order();
    await setJob(parked.id, { nextAttemptAt: PARKED });

    const { result, error, sends } = await sweep();
    expect(error).toBeUndefined();
    expect(result).toEqual({ recovered: 1, redriven: 2 });

    expect(sends).toHaveLength(1);
    const [stepId, events] = sends[0]!;
    expect(stepId).toBe("redrive-due-jobs");
    expect(events.map((e) => e.data.jobId).sort()).toEqual([due.id, stuck.id].sort());
    for (const e of events) {
      expect(e).toMatchObject({
        name: "switchboard/order.sync-requested",
        data: { connectionId: w.connection.id, provider: "square", manual: false },
      });
    }

    // The stuck job is due again (not syncing, lock released); the others were left alone.
    expect(await w.job(stuck.id)).toMatchObject({ status: "retry", lockedAt: null });
    expect((await w.job(later.id)).status).toBe("retry");
    expect((await w.job(parked.id)).nextAttemptAt).toEqual(PARKED);
    // The sweeper only sends events: nothing reached the POS and no other driver was used.
    expect(w.posOrders()).toHaveLength(0);
    expect(dispatched).toEqual([]);
  });

  it("sends nothing when no job is due", async () => {
    const { job: later } = await w.order();
    await setJob(later.id, { status: "retry", nextAttemptAt: new Date(Date.now() + 60 * 60_000) });
    const { job: done } = await w.order();
    await setJob(done.id, { status: "success" });

    const { result, error, sends } = await sweep();
    expect(error).toBeUndefined();
    expect(result).toEqual({ recovered: 0, redriven: 0 });
    expect(sends).toEqual([]);
  });
});
