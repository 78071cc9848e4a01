/**
 * The POS procedures of the integrations, orders and sync routers: tenancy on every one, roles
 * on the mutating ones, and the owner's happy paths against the Square fake.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connections, memberships, orders, syncJobs, users } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import { FAKE_SQUARE_LOCATION_IDS } from "~/server/integrations/square/fake";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { callerFor, makeTenant, sessionFor } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";

// Jobs are run explicitly here; record what would have been handed to the jobs driver.
const dispatched = vi.hoisted(() => [] as { name: string; data: Record<string, unknown> }[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

type World = Awaited<ReturnType<typeof squareWorld>>;
let w: World;
let b: Awaited<ReturnType<typeof makeTenant>>;
let owner: ReturnType<typeof callerFor>;
let stranger: ReturnType<typeof callerFor>;
let staff: ReturnType<typeof callerFor>;
let aOrder: { orderId: string; jobId: string };
let bOrder: { orderId: string; jobId: string };
const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 5_000 });

beforeAll(async () => {
  w = await squareWorld(); // org A = w.tenant, its restaurant connected to the fake
  b = await makeTenant(w.t.db);
  owner = callerFor(w.t.db, w.tenant.user);
  stranger = callerFor(w.t.db, b.user);
  const [staffUser] = await w.t.db.insert(users).values({ email: `staff-${randomUUID()}@test.dev`, name: "Staff", passwordHash: "x" }).returning();
  await w.t.db.insert(memberships).values({ userId: staffUser!.id, organizationId: w.tenant.org.id, role: "staff" });
  staff = createCaller({ db: w.t.db, session: sessionFor(staffUser!) });
  const { order, job } = await w.order();
  aOrder = { orderId: order.id, jobId: job.id };
  const created = await callerFor(w.t.db, b.user).orders.create({
    restaurantId: b.restaurant.id,
    externalId: "B-1",
    currency: "USD",
    customer: { name: "Bea" },
    type: "pickup",
    items: [{ dishId: "b-dish", name: "Bravo Bowl", quantity: 1, unitPrice: 900 }],
  });
  bOrder = { orderId: created.orderId, jobId: (await jobOf(created.orderId)).id };
});
afterAll(() => w.dispose());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`),
  );
const jobOf = async (orderId: string) => (await w.t.db.query.syncJobs.findFirst({ where: eq(syncJobs.orderId, orderId) }))!;
const connA = async () => (await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) }))!;
const orderCount = async () => (await w.t.db.select({ n: count() }).from(orders))[0]!.n;
const snapshot = async () => ({ conn: await connA(), orders: await orderCount(), jobs: await w.t.db.select().from(syncJobs), requests: w.fake.state.requests.length });

describe("tenant isolation: another organization's ids are NOT_FOUND and change nothing", () => {
  const A = () => ({ restaurantId: w.tenant.restaurant.id });

  it.each([
    ["integrations.get", () => stranger.integrations.get(A())],
    ["integrations.locations", () => stranger.integrations.locations(A())],
    ["mapping.list", () => stranger.mapping.list(A())],
    ["integrations.test", () => stranger.integrations.test(A())],
    ["integrations.update", () => stranger.integrations.update({ ...A(), autoSyncOrders: false, locationId: FAKE_SQUARE_LOCATION_IDS[1] })],
    ["integrations.disconnect", () => stranger.integrations.disconnect(A())],
    ["orders.detail (their restaurant)", () => stranger.orders.detail({ ...A(), orderId: aOrder.orderId })],
    ["orders.detail (own restaurant, their order)", () => stranger.orders.detail({ restaurantId: b.restaurant.id, orderId: aOrder.orderId })],
    ["orders.sendTest", () => stranger.orders.sendTest(A())],
    ["orders.retry", () => stranger.orders.retry({ orderId: aOrder.orderId })],
    ["sync.history", () => stranger.sync.history(A())],
    ["sync.stats", () => stranger.sync.stats(A())],
  ] as const)("%s", async (_name, run) => {
    dispatched.length = 0;
    const before = await snapshot();
    expect(await codeOf(run())).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before); // no write, and the POS was never called
    expect(dispatched).toEqual([]);
  });

  it("orders.create into their restaurant, with a fresh or an existing external_id", async () => {
    const existing = (await w.t.db.query.orders.findFirst({ where: eq(orders.id, aOrder.orderId) }))!;
    const before = await snapshot();
    for (const externalId of ["NEW-1", existing.externalId]) {
      const res = stranger.orders.create({
        restaurantId: w.tenant.restaurant.id,
        externalId,
        currency: "USD",
        customer: { name: "Mallory" },
        type: "pickup",
        items: [{ name: "Probe", quantity: 1, unitPrice: 1 }],
      });
      expect(await codeOf(res), externalId).toBe("NOT_FOUND");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the owner cannot reach the other organization's order either", async () => {
    expect(await codeOf(owner.orders.detail({ restaurantId: w.tenant.restaurant.id, orderId: bOrder.orderId }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.orders.detail({ restaurantId: b.restaurant.id, orderId: bOrder.orderId }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.orders.retry({ orderId: bOrder.orderId }))).toBe("NOT_FOUND");
    expect((await jobOf(bOrder.orderId)).status).toBe("pending");
  });

  it("signed out is UNAUTHORIZED", async () => {
    const anon = callerFor(w.t.db, null);
    expect(await codeOf(anon.integrations.get({ restaurantId: w.tenant.restaurant.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.sync.stats({ restaurantId: w.tenant.restaurant.id }))).toBe("UNAUTHORIZED");
  });
});

describe("roles", () => {
  it("staff may read but not update or disconnect the integration", async () => {
    const restaurantId = w.tenant.restaurant.id;
    expect((await staff.integrations.get({ restaurantId }))?.id).toBe(w.connection.id);
    const before = await connA();
    expect(await codeOf(staff.integrations.update({ restaurantId, autoSyncOrders: false, locationId: FAKE_SQUARE_LOCATION_IDS[1] }))).toBe("FORBIDDEN");
    expect(await codeOf(staff.integrations.disconnect({ restaurantId }))).toBe("FORBIDDEN");
    expect(await connA()).toEqual(before);
  });
});

// ─── The owner's happy paths (in order; disconnect last) ─────────────────────────────

describe("owner happy paths", () => {
  const restaurantId = () => w.tenant.restaurant.id;

  it("integrations.get: the connection without any credential", async () => {
    const view = await owner.integrations.get({ restaurantId: restaurantId() });
    expect(view).toMatchObject({ id: w.connection.id, provider: "square", status: "active", isActive: true, externalLocationId: FAKE_SQUARE_LOCATION_IDS[0] });
    expect(Object.keys(view!).filter((k) => /cipher|credential|keyId|accessToken|refreshToken/i.test(k))).toEqual([]);
    expect(await stranger.integrations.get({ restaurantId: b.restaurant.id })).toBeNull();
  });

  it("integrations.locations come from the fake", async () => {
    const locations = await owner.integrations.locations({ restaurantId: restaurantId() });
    expect(locations.map((l) => l.id)).toEqual([...FAKE_SQUARE_LOCATION_IDS]);
    expect(locations[0]).toMatchObject({ name: "Main Street Kitchen", active: true });
    expect(w.fake.state.requests.some((r) => r.method === "GET" && r.path === "/v2/locations")).toBe(true);
  });

  it("mapping.list lists the dishes ordered at this restaurant only", async () => {
    const { dishes } = await owner.mapping.list({ restaurantId: restaurantId() });
    expect(dishes.map((d) => [d.externalId, d.name])).toEqual([["dish-paneer", "Paneer Butter Masala"]]);
  });

  it("integrations.test is ok against the fake, and reports a revoked token in words", async () => {
    expect(await owner.integrations.test({ restaurantId: restaurantId() })).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    w.fake.faults.next("GET /v2/locations", { status: 401 });
    const broken = await owner.integrations.test({ restaurantId: restaurantId() });
    expect(broken).toMatchObject({ ok: false, detail: expect.any(String) });
  });

  it("integrations.update changes the settings", async () => {
    const view = await owner.integrations.update({ restaurantId: restaurantId(), syncCustomerInfo: false, locationId: FAKE_SQUARE_LOCATION_IDS[1] });
    expect(view).toMatchObject({ syncCustomerInfo: false, externalLocationId: FAKE_SQUARE_LOCATION_IDS[1], autoSyncOrders: true });
    expect(await connA()).toMatchObject({ syncCustomerInfo: false, externalLocationId: FAKE_SQUARE_LOCATION_IDS[1] });
  });

  it("orders.sendTest creates a test order and its sync job, handed to the jobs driver", async () => {
    dispatched.length = 0;
    const before = await orderCount();
    const { orderId, externalId } = await owner.orders.sendTest({ restaurantId: restaurantId() });
    expect(externalId).toMatch(/^TEST-/);
    expect(await orderCount()).toBe(before + 1);
    const order = await w.t.db.query.orders.findFirst({ where: eq(orders.id, orderId) });
    expect(order).toMatchObject({ restaurantId: restaurantId(), organizationId: w.tenant.org.id, source: "test" });
    const job = await jobOf(orderId);
    expect(job).toMatchObject({ status: "pending", connectionId: w.connection.id, provider: "square" });
    expect(dispatched).toEqual([{ name: "switchboard/order.sync-requested", data: expect.objectContaining({ jobId: job.id }) }]);
    // Run it: it reaches the location chosen above.
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("success");
    const inPos = w.posOrders().filter((o) => o.reference_id === orderId);
    expect(inPos.map((o) => o.location_id)).toEqual([FAKE_SQUARE_LOCATION_IDS[1]]);
  });

  it("orders.create is idempotent on externalId", async () => {
    const input = {
      restaurantId: restaurantId(),
      externalId: "UI-1",
      currency: "USD",
      customer: { name: "Walk-in" },
      type: "dine_in" as const,
      items: [{ name: "Chai", quantity: 2, unitPrice: 300 }],
    };
    const first = await owner.orders.create(input);
    const again = await owner.orders.create(input);
    expect(first.created).toBe(true);
    expect(again).toEqual({ orderId: first.orderId, created: false });
  });

  it("orders.detail shows items and the sync timeline", async () => {
    w.fake.faults.next("POST /v2/orders", { status: 400, code: "INVALID_VALUE", detail: "bad line item" });
    expect((await runSyncJob(w.t.db, aOrder.jobId, { settings })).status).toBe("failed");
    const detail = await owner.orders.detail({ restaurantId: restaurantId(), orderId: aOrder.orderId });
    expect(detail.items.map((i) => i.name)).toEqual(["Paneer Butter Masala"]);
    expect(detail.syncJobs[0]).toMatchObject({ status: "failed", attempts: [expect.objectContaining({ attemptNumber: 1, outcome: "failed", httpStatus: 400 })] });
  });

  it("orders.retry requeues the failed order", async () => {
    dispatched.length = 0;
    const res = await owner.orders.retry({ orderId: aOrder.orderId });
    expect(res).toEqual({ jobId: aOrder.jobId, status: "pending" });
    expect(dispatched).toEqual([{ name: "switchboard/order.sync-requested", data: expect.objectContaining({ jobId: aOrder.jobId, manual: true }) }]);
    expect((await runSyncJob(w.t.db, aOrder.jobId, { settings, manual: true })).status).toBe("success");
    expect(await codeOf(owner.orders.retry({ orderId: aOrder.orderId }))).toBe("CONFLICT");
  });

  it("sync.history and sync.stats cover this restaurant's jobs only", async () => {
    const history = await owner.sync.history({ restaurantId: restaurantId() });
    // aOrder, the test order and UI-1; B's order is not here.
    expect(history.total).toBe(3);
    expect(history.logs.map((l) => l.orderId)).not.toContain(bOrder.orderId);
    const page = await owner.sync.history({ restaurantId: restaurantId(), limit: 1, offset: 1, status: "success" });
    expect([page.total, page.logs.length]).toEqual([2, 1]);
    const stats = await owner.sync.stats({ restaurantId: restaurantId() });
    expect(stats).toMatchObject({ totalSyncs: 3, successfulSyncs: 2, failedSyncs: 0, pendingRetries: 1, successRate: 66.7 });
    expect(stats.daily.reduce((s, d) => s + d.success + d.failed + d.other, 0)).toBe(3);
  });

  it("integrations.disconnect: the connection is gone, history stays", async () => {
    const view = await owner.integrations.disconnect({ restaurantId: restaurantId() });
    expect(view).toMatchObject({ id: w.connection.id, status: "disconnected", isActive: false });
    expect(await connA()).toMatchObject({ status: "disconnected", credentialsCiphertext: null });
    expect(await owner.integrations.get({ restaurantId: restaurantId() })).toBeNull();
    expect(await codeOf(owner.integrations.locations({ restaurantId: restaurantId() }))).toBe("NOT_FOUND");
    expect((await owner.sync.history({ restaurantId: restaurantId() })).total).toBe(3);
  });
});
