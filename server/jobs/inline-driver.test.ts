import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jobHeartbeats } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { InlineDriver } from "./inline-driver";
import { debounces, schedules } from "./registry";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

const heartbeat = async () => (await t.db.select().from(jobHeartbeats))[0];

describe("inline driver", () => {
  it("runs each schedule at start and then only on its cadence", async () => {
    const driver = new InlineDriver(t.db);
    const start = Date.now();
    await driver.tick(start);
    expect(await heartbeat()).toMatchObject({ name: "heartbeat", driver: "inline", runCount: 1 });
    await driver.tick(start + 1_000); // not due yet
    expect((await heartbeat())?.runCount).toBe(1);
    const every = schedules.find((s) => s.id === "heartbeat")!.everyMs;
    await driver.tick(start + every);
    expect((await heartbeat())?.runCount).toBe(2);
  });

  it("runs an event's handler (the same one Inngest wraps)", async () => {
    const driver = new InlineDriver(t.db);
    const before = (await heartbeat())?.runCount ?? 0;
    await driver.run({ name: "switchboard/heartbeat.requested", data: { requestedBy: "u1" } });
    expect((await heartbeat())?.runCount).toBe(before + 1);
  });

  it("a stop right after a dispatch waits for that event's run", async () => {
    const driver = new InlineDriver(t.db);
    const before = (await heartbeat())?.runCount ?? 0;
    driver.dispatch({ name: "switchboard/heartbeat.requested", data: { requestedBy: "u2" } });
    await driver.stop();
    expect((await heartbeat())?.runCount).toBe(before + 1);
  });

  it("a debounced burst that never pauses still runs once its max wait has passed", async () => {
    vi.useFakeTimers();
    try {
      const driver = new InlineDriver(t.db);
      const run = vi.spyOn(driver, "run").mockResolvedValue(undefined);
      const { periodMs, maxWaitMs } = debounces["switchboard/menu.changed"]!;
      const event = { name: "switchboard/menu.changed" as const, data: { connectionId: "5e8d1c3b-2a4f-4e6d-8b7c-9f0a1b2c3d4e", provider: "square", webhookEventId: null } };
      // A webhook every half period: the quiet window alone would never close.
      const step = periodMs() / 2;
      for (let at = 0; at < maxWaitMs - step; at += step) {
        driver.dispatch(event);
        await vi.advanceTimersByTimeAsync(step);
      }
      expect(run).not.toHaveBeenCalled();
      driver.dispatch(event);
      await vi.advanceTimersByTimeAsync(step);
      expect(run).toHaveBeenCalledTimes(1);
      // The next burst starts its own clock.
      driver.dispatch(event);
      await vi.advanceTimersByTimeAsync(periodMs());
      expect(run).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
