import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jobHeartbeats } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";

let t: TestDb;
vi.mock("~/db", () => ({ getDb: async () => t.db }));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

describe("dispatch (inline driver)", () => {
  it("validates the payload before anything runs", async () => {
    const { dispatch } = await import("./dispatch");
    await expect(
      dispatch({ name: "switchboard/heartbeat.requested", data: { requestedBy: "" } }),
    ).rejects.toThrow();
  });

  it("runs the handler in the background after returning", async () => {
    const { dispatch } = await import("./dispatch");
    const { jobsDriver } = await import("./driver");
    const driver = await jobsDriver();
    expect(driver.name).toBe("inline");
    await driver.inline!.stop(); // only the dispatched event may write from here on
    const before = (await t.db.select().from(jobHeartbeats))[0]?.runCount ?? 0;
    await dispatch({ name: "switchboard/heartbeat.requested", data: { requestedBy: "u1" } });
    await vi.waitFor(async () => {
      const row = (await t.db.select().from(jobHeartbeats))[0];
      expect(row?.runCount).toBe(before + 1);
    });
  });
});
