import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jobHeartbeats } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";

let t: TestDb;
vi.mock("~/db", () => ({ getDb: async () => t.db }));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

describe("heartbeat function", () => {
  it("records a heartbeat through the inngest driver, once per run", async () => {
    const { heartbeat } = await import("./heartbeat");
    const engine = new InngestTestEngine({ function: heartbeat });

    const first = await engine.execute({
      events: [{ name: "switchboard/heartbeat.requested", data: { requestedBy: "test" } }],
    });
    expect(first.error).toBeUndefined();
    await engine.execute({ events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] });

    const rows = await t.db.select().from(jobHeartbeats);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "heartbeat", driver: "inngest", runCount: 2 });
    expect(Date.now() - rows[0]!.lastRunAt.getTime()).toBeLessThan(60_000);
  });

  it("runs the database write inside a named, retryable step", async () => {
    const { heartbeat } = await import("./heartbeat");
    const engine = new InngestTestEngine({ function: heartbeat });
    const { result } = await engine.executeStep("record-heartbeat", {
      events: [{ name: "switchboard/heartbeat.requested", data: { requestedBy: "test" } }],
    });
    expect(result).toMatchObject({ at: expect.any(String) });
  });
});
