/**
 * The order push uses the confirmed item mappings, through the real Square and PetPooja adapters
 * against their fakes, and the menu-drift guard stops an order whose mapped POS item is gone or
 * sold out before anything reaches the POS.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections, itemVariations, menuItems } from "~/db/schema";
import { petpoojaWorld } from "~/server/integrations/petpooja/world";
import { fakeItemId, fakeVariationId } from "~/server/integrations/square/fake-seed";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { mapDish, seedDishes, seedMenuItems } from "~/server/testing/mapping-fixtures";
import { squareWorld } from "~/server/testing/square-world";

const dispatched = vi.hoisted(() => [] as unknown[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 2_000 });

describe("Square: order lines from the item mapping", () => {
  let w: Awaited<ReturnType<typeof squareWorld>>;
  beforeEach(async () => {
    w = await squareWorld();
    // Item 0 of the fake catalog: "Classic Burger", Regular and Large.
    await seedMenuItems(w.t.db, w.connection, [
      { externalId: fakeItemId(0), name: "Classic Burger", variations: [{ externalId: fakeVariationId(0, "R"), name: "Regular", price: 500 }, { externalId: fakeVariationId(0, "L"), name: "Large", price: 800 }] },
      { externalId: fakeItemId(1), name: "Smoky Burger", variations: [{ externalId: fakeVariationId(1, "R"), name: "Regular", price: 625 }] },
    ]);
    await seedDishes(w.t.db, w.tenant.restaurant, [
      { externalId: "dish-burger-l", name: "Classic Burger (Large)", price: 800, currency: "USD" },
      { externalId: "dish-smoky", name: "Smoky Burger", price: 625, currency: "USD" },
    ]);
  });
  afterEach(() => w.dispose());

  const burgerOrder = () =>
    w.order({
      items: [
        { dishId: "dish-burger-l", name: "Classic Burger (Large)", quantity: 1, unitPrice: 800 },
        { dishId: "dish-paneer", name: "Paneer Butter Masala", quantity: 2, unitPrice: 1450 },
      ],
    });
  const posOrderPosts = () => w.fake.state.requests.filter((r) => r.method === "POST" && r.path === "/v2/orders");

  it("a confirmed mapping is sent as the POS variation; an unmapped dish by its name", async () => {
    await mapDish(w.t.db, w.connection, { dishExternalId: "dish-burger-l", itemExternalId: fakeItemId(0), variationExternalId: fakeVariationId(0, "L") });
    const { job } = await burgerOrder();
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("success");
    const [pos] = w.posOrders();
    expect(pos!.line_items[0]).toMatchObject({ catalog_object_id: fakeVariationId(0, "L"), name: "Classic Burger", variation_name: "Large" });
    expect(pos!.line_items[1]).toMatchObject({ name: "Paneer Butter Masala" });
    expect(pos!.line_items[1]!.catalog_object_id).toBeUndefined();
  });

  it("a suggestion is not used until the seller confirms it", async () => {
    await mapDish(w.t.db, w.connection, { dishExternalId: "dish-burger-l", itemExternalId: fakeItemId(0), variationExternalId: fakeVariationId(0, "L"), status: "suggested", confidence: 0.9 });
    const { job } = await burgerOrder();
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("success");
    expect(w.posOrders()[0]!.line_items[0]!.catalog_object_id).toBeUndefined();
  });

  it.each([
    ["removed from the menu", { removedAt: new Date() }, /Classic Burger \(Large\): POS item "Classic Burger" removed from menu/],
    ["sold out", { available: false }, /Classic Burger \(Large\): POS item "Classic Burger" is sold out/],
  ])("drift guard: mapped item %s → failed with mapping_failed, no POS call, seller alerted", async (_what, change, message) => {
    await mapDish(w.t.db, w.connection, { dishExternalId: "dish-burger-l", itemExternalId: fakeItemId(0), variationExternalId: fakeVariationId(0, "L") });
    await w.t.db.update(menuItems).set(change).where(and(eq(menuItems.connectionId, w.connection.id), eq(menuItems.externalId, fakeItemId(0))));
    const { job } = await burgerOrder();
    const r = await runSyncJob(w.t.db, job.id, { settings });
    expect(r.status).toBe("failed");
    const j = await w.job(job.id);
    expect(j).toMatchObject({ status: "failed", lastErrorClass: "mapping_failed" });
    expect(j.lastErrorMessage).toMatch(message);
    expect(j.completedAt).toBeInstanceOf(Date);
    expect((await w.attempts(job.id)).map((a) => [a.outcome, a.errorClass])).toEqual([["failed", "mapping_failed"]]);
    expect(posOrderPosts()).toHaveLength(0);
    expect(w.posOrders()).toHaveLength(0);
    const notices = (await w.notices()).filter((n) => n.type === "sync.mapping_failed");
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "in_app"]);
    expect(notices.find((n) => n.channel === "email")).toMatchObject({ recipient: w.tenant.user.email, status: "pending", orderId: job.orderId });
    expect(notices[0]!.body).toMatch(message);
    // The POS was never asked: its health and circuit breaker are untouched.
    const conn = await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) });
    expect(conn).toMatchObject({ consecutiveFailures: 0, circuitState: "closed", health: "online" });
    // No retry is scheduled: running it again does nothing.
    expect((await runSyncJob(w.t.db, job.id, { settings, now: new Date(Date.now() + 3_600_000) })).status).toBe("skipped");
  });

  it("drift guard: a sold-out variation blocks; a snooze that has ended does not", async () => {
    await mapDish(w.t.db, w.connection, { dishExternalId: "dish-burger-l", itemExternalId: fakeItemId(0), variationExternalId: fakeVariationId(0, "L") });
    const large = and(eq(itemVariations.connectionId, w.connection.id), eq(itemVariations.externalId, fakeVariationId(0, "L")));
    await w.t.db.update(itemVariations).set({ available: false, snoozedUntil: new Date(Date.now() + 3_600_000) }).where(large);
    const blocked = await burgerOrder();
    expect(await runSyncJob(w.t.db, blocked.job.id, { settings })).toMatchObject({ status: "failed", error: { errorClass: "mapping_failed", message: expect.stringContaining('POS variation "Classic Burger (Large)" is sold out') } });
    expect(w.posOrders()).toHaveLength(0);

    await w.t.db.update(itemVariations).set({ available: false, snoozedUntil: new Date(Date.now() - 60_000) }).where(large);
    const passes = await burgerOrder();
    expect((await runSyncJob(w.t.db, passes.job.id, { settings })).status).toBe("success");
    expect(w.posOrders()[0]!.line_items[0]).toMatchObject({ catalog_object_id: fakeVariationId(0, "L") });
  });

  it("drift guard names every broken line", async () => {
    await mapDish(w.t.db, w.connection, { dishExternalId: "dish-burger-l", itemExternalId: fakeItemId(0), variationExternalId: fakeVariationId(0, "L") });
    await mapDish(w.t.db, w.connection, { dishExternalId: "dish-smoky", itemExternalId: fakeItemId(1), variationExternalId: fakeVariationId(1, "R") });
    await w.t.db.update(menuItems).set({ removedAt: new Date() }).where(eq(menuItems.connectionId, w.connection.id));
    const { job } = await w.order({
      items: [
        { dishId: "dish-burger-l", name: "Classic Burger (Large)", quantity: 1, unitPrice: 800 },
        { dishId: "dish-smoky", name: "Smoky Burger", quantity: 1, unitPrice: 625 },
      ],
    });
    await runSyncJob(w.t.db, job.id, { settings });
    const j = await w.job(job.id);
    expect(j.lastErrorMessage).toContain("Classic Burger (Large): POS item");
    expect(j.lastErrorMessage).toContain("Smoky Burger: POS item");
  });
});

describe("PetPooja: order lines from the item mapping", () => {
  let w: Awaited<ReturnType<typeof petpoojaWorld>>;
  beforeEach(async () => {
    w = await petpoojaWorld();
  });
  afterEach(() => w.dispose());

  it("mapped dishes go as PetPooja item ids (a variation by its own id + variationid)", async () => {
    const { job } = await w.order({
      items: [
        { dishId: "dish-paneer", name: "Paneer Butter Masala", quantity: 1, unitPrice: 29000 },
        { dishId: "dish-garlic", name: "Garlic Bread (3 Pieces)", quantity: 2, unitPrice: 14000 },
      ],
    });
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("success");
    const info = (w.posOrders()[0]!.body.orderinfo as { OrderInfo: { OrderItem: { details: { id: string; variation_id: string }[] } } }).OrderInfo;
    // A variation goes as its own id plus its type's variationid [ref §2.3 "Order→menu mapping"].
    expect(info.OrderItem.details.map((d) => [d.id, d.variation_id])).toEqual([["10001", ""], ["20001", "30001"]]);
  });

  it("drift guard: the mapped PetPooja item is gone → mapping_failed, nothing sent", async () => {
    await w.t.db.update(menuItems).set({ removedAt: new Date() }).where(and(eq(menuItems.connectionId, w.connection.id), eq(menuItems.externalId, "10001")));
    const { job } = await w.order();
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("failed");
    expect(await w.job(job.id)).toMatchObject({ status: "failed", lastErrorClass: "mapping_failed" });
    expect(w.posOrders()).toHaveLength(0);
    expect((await w.notices()).some((n) => n.type === "sync.mapping_failed" && n.channel === "in_app")).toBe(true);
  });
});
