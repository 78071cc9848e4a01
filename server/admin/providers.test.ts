import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSyncJob } from "~/server/sync/run-job";
import { callerFor, makeAdmin } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeEach(async () => {
  w = await squareWorld();
});
afterEach(() => w.dispose());

describe("admin.providers", () => {
  it("lists every installed provider with its endpoint and live 24 h figures", async () => {
    const { job } = await w.order();
    await runSyncJob(w.t.db, job.id);
    const failing = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 400 });
    await runSyncJob(w.t.db, failing.job.id);

    const rows = await callerFor(w.t.db, await makeAdmin(w.t.db)).admin.providers();
    expect(rows.map((r) => r.id).sort()).toEqual(["petpooja", "square", "touchbistro"]);
    const square = rows.find((r) => r.id === "square")!;
    expect(square).toMatchObject({
      sandbox: true,
      baseUrl: w.fake.url,
      statusMode: "webhook",
      connections: { active: 1, needsReauth: 0 },
      pushes24h: { total: 2, success: 1, failed: 1 },
    });
    expect(rows.find((r) => r.id === "touchbistro")).toMatchObject({ statusMode: "polling", pushes24h: { total: 0 } });
  });

  it("is for platform admins only", async () => {
    await expect(callerFor(w.t.db, w.tenant.user).admin.providers()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
