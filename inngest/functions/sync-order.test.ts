import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections } from "~/db/schema";
import { squareWorld } from "~/server/testing/square-world";

// The function reads the app's database through getDb(); hand it this test's world.
let w: Awaited<ReturnType<typeof squareWorld>>;
vi.mock("~/db", () => ({ getDb: async () => w.t.db }));
// Nothing here should reach a jobs driver; record anything that tries.
const dispatched = vi.hoisted(() => [] as unknown[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

beforeEach(async () => {
  dispatched.length = 0;
  w = await squareWorld();
});
afterEach(() => w.dispose());

const event = (jobId: string) => ({
  name: "switchboard/order.sync-requested",
  data: { jobId, connectionId: w.connection.id, provider: "square", manual: false },
});

async function engineFor(jobId: string) {
  const { syncOrder } = await import("./sync-order");
  return new InngestTestEngine({ function: syncOrder, events: [event(jobId)] });
}

/**
 * Run to the rejection. execute() hands back only the serialized error, which drops
 * RetryAfterError.retryAfter; the rejected checkpoint also carries what Inngest is told
 * about retrying: `retriable` is false, true, or the retry time.
 */
async function rejected(jobId: string) {
  const engine = await engineFor(jobId);
  const { result } = await engine["executeAndWaitFor"]("function-rejected");
  return { error: result.error as SerializedError, retriable: result.retriable };
}

/** A failed run's error as the engine hands it back: serialized, so matched by name. */
type SerializedError = { name: string; message: string };

describe("sync-order function (real Square adapter against the fake)", () => {
  it("pushes the order: resolves with success and the POS holds exactly one order", async () => {
    const { job } = await w.order();
    const { result, error } = await (await engineFor(job.id)).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "success", posOrderId: expect.any(String) });
    expect(w.posOrders()).toHaveLength(1);
    expect(w.posOrders()[0]!.id).toBe((result as { posOrderId: string }).posOrderId);
    expect(await w.job(job.id)).toMatchObject({ status: "success" });
  });

  it("a 503 throws RetryAfterError timed at the job's next_attempt_at", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 503 });
    const { error, retriable } = await rejected(job.id);
    expect(error.name).toBe("RetryAfterError");
    const stored = await w.job(job.id);
    expect(stored).toMatchObject({ status: "retry", retryCount: 1, lastErrorClass: "unavailable" });
    expect(retriable).toBe(stored.nextAttemptAt.toISOString());
    expect(w.posOrders()).toHaveLength(0);
  });

  it("a 400 throws NonRetriableError and the job fails for good", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 400, code: "INVALID_VALUE", detail: "bad line item" });
    const { error, retriable } = await rejected(job.id);
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("bad line item") });
    expect(retriable).toBe(false);
    expect(await w.job(job.id)).toMatchObject({ status: "failed", lastErrorClass: "validation" });
    expect(w.posOrders()).toHaveLength(0);
  });

  it("a 401 throws NonRetriableError and the connection needs re-authorization", async () => {
    const { job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 401 });
    const { error, retriable } = await rejected(job.id);
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("needs_reauth") });
    expect(retriable).toBe(false);
    const conn = await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) });
    expect(conn?.status).toBe("needs_reauth");
    expect(await w.job(job.id)).toMatchObject({ status: "pending", lastErrorClass: "auth" });
  });
});
