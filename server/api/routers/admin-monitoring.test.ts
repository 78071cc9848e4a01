import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { auditLog } from "~/db/schema";
import { BULK_LIMIT } from "~/server/admin/failures";
import { callerFor, makeAdmin } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";

// The jobs driver runs the real sync handler right away, against the Square fake.
const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: 0 }));
vi.mock("~/server/jobs/dispatch", () => ({
  dispatch: async (e: { name: string; data: { jobId: string; manual?: boolean } }) => {
    h.dispatched++;
    if (e.name === "switchboard/order.sync-requested") await runSyncJob(h.db, e.data.jobId, { manual: e.data.manual, settings });
  },
}));
const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 2_000 });

let w: Awaited<ReturnType<typeof squareWorld>>;
let admin: ReturnType<typeof callerFor>;
let adminId: string;
beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
  const user = await makeAdmin(w.t.db);
  adminId = user.id;
  admin = callerFor(w.t.db, user);
});
afterAll(() => w.dispose());

/** An order Square rejects (400): its job ends `failed`, an open failure. */
async function failedOrder() {
  w.fake.faults.next("POST /v2/orders", { status: 400, code: "INVALID_VALUE", detail: "Line item is not sellable" });
  const { job } = await w.order();
  expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("failed");
  return job;
}

describe("failed-sync triage", () => {
  it("groups open failures by provider and error class, in plain language", async () => {
    const jobs = [await failedOrder(), await failedOrder()];
    const groups = await admin.adminMonitoring.failureGroups({});
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ provider: "square", providerName: "Square", errorClass: "validation", count: 2, restaurants: 1 });
    expect(groups[0]!.cause).toMatch(/^Square rejected the order/);
    const list = await admin.adminMonitoring.failures({ restaurantId: w.tenant.restaurant.id, errorClass: "validation", provider: "square" });
    expect(list.total).toBe(2);
    expect(list.items.map((i) => i.id).sort()).toEqual(jobs.map((j) => j.id).sort());
    expect(await admin.adminMonitoring.failures({ provider: "petpooja" })).toMatchObject({ total: 0, items: [] });
    await admin.adminMonitoring.resolveFailures({ jobIds: jobs.map((j) => j.id), note: "cleanup between tests" });
  });

  it("bulk retry pushes each failed order once; running it again pushes nothing twice", async () => {
    const failed = [await failedOrder(), await failedOrder(), await failedOrder()];
    const { job: sent } = await w.order();
    await runSyncJob(w.t.db, sent.id, { settings });
    const before = w.posOrders().length;

    const { ids, total } = await admin.adminMonitoring.failureIds({ restaurantId: w.tenant.restaurant.id });
    expect(total).toBe(3);
    const first = await admin.adminMonitoring.retryFailures({ jobIds: [...ids, sent.id] });
    expect(first).toMatchObject({ requested: 4, done: 3, skipped: 1 });
    expect(w.posOrders()).toHaveLength(before + 3);
    const refs = w.posOrders().map((o) => o.reference_id);
    for (const j of failed) expect(refs.filter((r) => r === j.orderId)).toHaveLength(1);
    expect(await admin.adminMonitoring.jobProgress({ jobIds: ids })).toEqual({ success: 3, failed: 0, inFlight: 0, total: 3 });

    const second = await admin.adminMonitoring.retryFailures({ jobIds: [...ids, sent.id] });
    expect(second).toMatchObject({ requested: 4, done: 0, skipped: 4 });
    expect(w.posOrders()).toHaveLength(before + 3);
    expect((await admin.adminMonitoring.failureIds({})).total).toBe(0);

    const audits = (await w.t.db.select().from(auditLog)).filter((a) => a.action === "sync.failures_bulk_retried");
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorUserId: adminId, actorType: "user", targetType: "sync_job" });
    expect(audits.map((a) => a.metadata.retried).sort()).toEqual([0, 3]);
  });

  it("retries one failure", async () => {
    const job = await failedOrder();
    expect(await admin.adminMonitoring.retryFailures({ jobIds: [job.id] })).toMatchObject({ done: 1 });
    expect((await w.job(job.id)).status).toBe("success");
    const [audit] = (await w.t.db.select().from(auditLog)).filter((a) => a.action === "sync.failure_retried");
    expect(audit).toMatchObject({ actorUserId: adminId, targetId: job.id, organizationId: w.tenant.org.id });
  });

  it("refuses more than the bulk limit in one request", async () => {
    const tooMany = Array.from({ length: BULK_LIMIT + 1 }, () => crypto.randomUUID());
    await expect(admin.adminMonitoring.retryFailures({ jobIds: tooMany })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.adminMonitoring.resolveFailures({ jobIds: tooMany, note: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.adminMonitoring.retryFailures({ jobIds: tooMany.slice(0, BULK_LIMIT) })).resolves.toMatchObject({ done: 0 });
  });

  it("mark resolved removes a failure from the open list, with a note, audited", async () => {
    const job = await failedOrder();
    expect((await admin.adminMonitoring.failureIds({})).ids).toContain(job.id);
    const r = await admin.adminMonitoring.resolveFailures({ jobIds: [job.id], note: "Item discontinued; refunded the customer" });
    expect(r).toMatchObject({ requested: 1, done: 1 });
    expect((await admin.adminMonitoring.failureIds({})).ids).not.toContain(job.id);
    expect(await w.job(job.id)).toMatchObject({ status: "failed", resolvedBy: adminId, resolutionNote: "Item discontinued; refunded the customer" });
    const [audit] = (await w.t.db.select().from(auditLog)).filter((a) => a.action === "sync.failure_resolved");
    expect(audit).toMatchObject({ actorUserId: adminId, targetType: "sync_job", targetId: job.id, organizationId: w.tenant.org.id });
    expect(audit!.metadata).toMatchObject({ resolved: 1, note: "Item discontinued; refunded the customer" });
    // Resolving again changes nothing; a resolved failure cannot be bulk-retried.
    expect(await admin.adminMonitoring.resolveFailures({ jobIds: [job.id], note: "again" })).toMatchObject({ done: 0 });
    expect(await admin.adminMonitoring.retryFailures({ jobIds: [job.id] })).toMatchObject({ done: 0 });
    await expect(admin.adminMonitoring.resolveFailures({ jobIds: [job.id], note: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("restaurants", () => {
  it("lists restaurants with provider, health, circuit, failures; filters by provider, health and name", async () => {
    await failedOrder();
    const all = await admin.adminMonitoring.restaurants({});
    const row = all.items.find((r) => r.id === w.tenant.restaurant.id);
    expect(row).toMatchObject({ providers: ["square"], health: "online", circuitState: "closed", openFailures: 1, uptime: null });
    expect((await admin.adminMonitoring.restaurants({ provider: "square" })).items.map((r) => r.id)).toEqual([w.tenant.restaurant.id]);
    expect((await admin.adminMonitoring.restaurants({ provider: "petpooja" })).total).toBe(0);
    expect((await admin.adminMonitoring.restaurants({ health: "offline" })).total).toBe(0);
    expect((await admin.adminMonitoring.restaurants({ q: w.tenant.restaurant.name.toUpperCase() })).items).toHaveLength(1);
    expect((await admin.adminMonitoring.restaurants({ q: "no such place" })).total).toBe(0);
    expect((await admin.adminMonitoring.restaurants({ sort: "failures", dir: "desc", pageSize: 1 })).items[0]!.id).toBe(w.tenant.restaurant.id);
  });

  it("shows one restaurant: connections with circuit and uptime, orders, attempts", async () => {
    const d = await admin.adminMonitoring.restaurant({ restaurantId: w.tenant.restaurant.id });
    expect(d.connections[0]).toMatchObject({ provider: "square", circuitState: "closed", health: "online", uptime24h: null });
    expect(d.connections[0]).not.toHaveProperty("credentialsCiphertext");
    expect(d.orders.length).toBeGreaterThan(0);
    expect(d.attempts.length).toBeGreaterThan(0);
    await expect(admin.adminMonitoring.restaurant({ restaurantId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("every admin monitoring procedure is admin-only", () => {
  const id = "00000000-0000-4000-8000-000000000000";
  const calls: Array<[string, (c: ReturnType<typeof callerFor>) => Promise<unknown>]> = [
    ["restaurants", (c) => c.adminMonitoring.restaurants({})],
    ["restaurant", (c) => c.adminMonitoring.restaurant({ restaurantId: id })],
    ["failureGroups", (c) => c.adminMonitoring.failureGroups({})],
    ["failures", (c) => c.adminMonitoring.failures({})],
    ["failureIds", (c) => c.adminMonitoring.failureIds({})],
    ["jobProgress", (c) => c.adminMonitoring.jobProgress({ jobIds: [id] })],
    ["retryFailures", (c) => c.adminMonitoring.retryFailures({ jobIds: [id] })],
    ["resolveFailures", (c) => c.adminMonitoring.resolveFailures({ jobIds: [id], note: "n" })],
  ];
  it.each(calls)("%s refuses a seller (FORBIDDEN) and anonymous (UNAUTHORIZED)", async (_name, call) => {
    const seller = callerFor(w.t.db, w.tenant.user);
    await expect(call(seller)).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await expect(call(callerFor(w.t.db, null))).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === "UNAUTHORIZED");
  });
});
