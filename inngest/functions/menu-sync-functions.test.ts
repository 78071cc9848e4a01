import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scheduleById } from "~/server/jobs/registry";
import { squareWorld } from "~/server/testing/square-world";

let w: Awaited<ReturnType<typeof squareWorld>>;
vi.mock("~/db", () => ({ getDb: async () => w.t.db }));
const dispatched = vi.hoisted(() => [] as unknown[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

beforeEach(async () => {
  dispatched.length = 0;
  w = await squareWorld();
});
afterEach(() => w.dispose());

const syncEvent = (over: Record<string, unknown> = {}) => ({
  name: "switchboard/menu.sync-requested",
  data: { connectionId: w.connection.id, provider: "square", trigger: "manual", runId: null, ...over },
});

describe("sync-menu function", () => {
  it("runs one sync per connection at a time and returns the run", async () => {
    const { syncMenu } = await import("./sync-menu");
    expect(syncMenu.opts).toMatchObject({ concurrency: [{ key: "event.data.connectionId", limit: 1 }] });
    const { result, error } = await new InngestTestEngine({ function: syncMenu, events: [syncEvent()] }).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "success", runId: expect.any(String) });
  });

  it("does not retry an auth failure (needs_reauth)", async () => {
    w.fake.expireToken([...w.fake.state.tokens.keys()][0]!);
    const { syncMenu } = await import("./sync-menu");
    const { error } = await new InngestTestEngine({ function: syncMenu, events: [syncEvent()] }).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("needs_reauth") });
  });

  it("retries a POS outage", async () => {
    w.fake.faults.next("GET /v2/catalog/list", { status: 503 });
    const { syncMenu } = await import("./sync-menu");
    const { error } = await new InngestTestEngine({ function: syncMenu, events: [syncEvent()] }).execute();
    expect(error).toMatchObject({ name: "Error", message: expect.stringContaining("unavailable") });
  });
});

describe("menu-changed-debounce function", () => {
  it("is debounced per connection and re-emits one menu sync request", async () => {
    const { menuChangedDebounce } = await import("./menu-changed");
    expect(menuChangedDebounce.opts).toMatchObject({ debounce: { key: "event.data.connectionId", period: "30s" } });
    const engine = new InngestTestEngine({
      function: menuChangedDebounce,
      events: [{ name: "switchboard/menu.changed", data: { connectionId: w.connection.id, provider: "square", webhookEventId: null } }],
      steps: [{ id: "request-menu-sync", handler: () => ({ ids: ["evt"] }) }],
    });
    const { result, error, ctx } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ connectionId: w.connection.id });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("request-menu-sync", syncEvent({ trigger: "webhook" }));
  });
});

describe("menu-nightly-sync function", () => {
  it("runs nightly and fans out one event per connection", async () => {
    expect(scheduleById("menu-nightly-sync")).toMatchObject({ cron: "30 3 * * *" });
    const { menuNightlySync } = await import("./menu-nightly-sync");
    const engine = new InngestTestEngine({
      function: menuNightlySync,
      events: [{ name: "inngest/scheduled.timer", data: { cron: "30 3 * * *" } }],
      steps: [{ id: "fan-out", handler: () => ({ ids: ["evt"] }) }],
    });
    const { result, error, ctx } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ connections: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("fan-out", [syncEvent({ trigger: "nightly" })]);
  });
});
