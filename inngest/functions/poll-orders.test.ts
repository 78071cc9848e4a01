import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scheduleById } from "~/server/jobs/registry";
import { touchbistroWorld } from "~/server/integrations/touchbistro/world";

let w: Awaited<ReturnType<typeof touchbistroWorld>>;
vi.mock("~/db", () => ({ getDb: async () => w.t.db }));
const dispatched = vi.hoisted(() => [] as Array<{ name: string; data: Record<string, unknown> }>);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

beforeEach(async () => {
  dispatched.length = 0;
  w = await touchbistroWorld();
});
afterEach(() => w.dispose());

async function run() {
  const { pollOrders } = await import("./poll-orders");
  const engine = new InngestTestEngine({ function: pollOrders, events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] });
  return engine.execute();
}

describe("poll-orders function", () => {
  it("is scheduled every minute in Inngest and every 15 s inline", () => {
    expect(scheduleById("poll-orders")).toMatchObject({ cron: "* * * * *", everyMs: 15_000 });
  });

  it("polls open TouchBistro orders and applies the kitchen's status", async () => {
    const order = await w.push();
    w.fake.advanceOrder(order.posOrderId!, "accepted");
    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect(result).toEqual({ polled: 1, succeeded: 1, failed: 0, changed: 1 });
    expect((await w.getOrder(order.id)).status).toBe("confirmed");
    expect(dispatched).toEqual([{ name: "switchboard/order.status-changed", data: { orderId: order.id, from: "placed", to: "confirmed", changedBy: "touchbistro_poll" } }]);
    expect(await w.runs()).toHaveLength(1);
  });

  it("records a failed poll and changes nothing", async () => {
    const order = await w.push();
    w.fake.advanceOrder(order.posOrderId!, "accepted");
    w.fake.faults.next("GET *", { status: 500 });
    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect(result).toEqual({ polled: 1, succeeded: 0, failed: 1, changed: 0 });
    expect((await w.getOrder(order.id)).status).toBe("placed");
    expect(dispatched).toEqual([]);
  });
});
