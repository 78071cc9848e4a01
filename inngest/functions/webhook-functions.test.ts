import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { webhookEvents } from "~/db/schema";
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

const stored = (over: Partial<typeof webhookEvents.$inferInsert> = {}) =>
  w.t.db
    .insert(webhookEvents)
    .values({
      provider: "square",
      connectionId: w.connection.id,
      signatureValid: true,
      status: "received",
      nextAttemptAt: new Date(Date.now() - 1_000),
      rawBody: JSON.stringify({ merchant_id: w.connection.externalMerchantId, type: "order.updated", event_id: `e-${Math.random()}`, data: { id: "NOPE", object: { order_updated: { order_id: "NOPE", state: "OPEN" } } } }),
      ...over,
    })
    .returning()
    .then((r) => r[0]!);

describe("process-webhook function", () => {
  it("processes the stored event (an unknown order ends unmatched)", async () => {
    const { processWebhook } = await import("./process-webhook");
    const row = await stored();
    const engine = new InngestTestEngine({
      function: processWebhook,
      events: [{ name: "switchboard/webhook.received", data: { webhookEventId: row.id, provider: "square", connectionId: w.connection.id } }],
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "unmatched" });
  });
});

describe("webhook-sweeper function", () => {
  it("re-sends every due stored call as webhook.received and leaves the rest", async () => {
    const { webhookSweeper } = await import("./webhook-sweeper");
    const due = await stored();
    const failedDue = await stored({ status: "failed", attempts: 2 });
    await stored({ status: "failed", nextAttemptAt: new Date(Date.now() + 3_600_000) });
    await stored({ status: "processed", nextAttemptAt: null });
    const engine = new InngestTestEngine({
      function: webhookSweeper,
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
      steps: [{ id: "redrive-due-webhooks", handler: () => ({ ids: [] }) }],
    });
    const out = await engine.execute();
    expect(out.error).toBeUndefined();
    expect(out.result).toEqual({ redriven: 2 });
    const sends = out.ctx.step.sendEvent.mock.calls as unknown as [string, { name: string; data: { webhookEventId: string } }[]][];
    expect(sends[0]![1].map((e) => e.data.webhookEventId).sort()).toEqual([due.id, failedDue.id].sort());
    expect(sends[0]![1].every((e) => e.name === "switchboard/webhook.received")).toBe(true);
    expect(dispatched).toEqual([]);
  });
});
