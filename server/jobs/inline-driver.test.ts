import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobHeartbeats } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { InlineDriver } from "./inline-driver";
import { schedules } from "./registry";

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
});
