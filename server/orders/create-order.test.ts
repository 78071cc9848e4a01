import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections, orderItems, orders, orderStatusHistory, syncJobs } from "~/db/schema";
import { AppError } from "~/server/errors";
import { requestManualSync } from "~/server/sync/request-sync";
import { PARKED } from "~/server/sync/pending-reason";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { createOrder, type OrderInput } from "./create-order";

const dispatched = vi.hoisted(() => [] as unknown[]);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeEach(async () => {
  dispatched.length = 0;
  w = await squareWorld();
});
afterEach(() => w.dispose());

const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 2_000 });

const input = (over: Partial<OrderInput> = {}): OrderInput => ({
  restaurantId: w.tenant.restaurant.id,
  externalId: "MKT-1001",
  currency: "usd",
  customer: { name: "Priya Raman", phone: "+14155550101" },
  type: "pickup",
  items: [{ dishId: "dish-paneer", name: "Paneer Butter Masala", quantity: 1, unitPrice: 1450 }],
  ...over,
});

/** Row counts of everything createOrder writes. */
async function written() {
  const n = async (t: typeof orders | typeof orderItems | typeof orderStatusHistory | typeof syncJobs) =>
    (await w.t.db.select({ n: count() }).from(t))[0]!.n;
  return { orders: await n(orders), items: await n(orderItems), history: await n(orderStatusHistory), jobs: await n(syncJobs) };
}

async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("createOrder", () => {
  it("computes every total in minor units: modifiers × quantity, tax, fees, tip, discount", async () => {
    const { order, job, created } = await createOrder(
      w.t.db,
      w.tenant.org.id,
      input({
        type: "delivery",
        deliveryAddress: { line1: "1 Market St", city: "San Francisco" },
        items: [
          {
            name: "Paneer Butter Masala",
            quantity: 2,
            unitPrice: 1450,
            // +200 once, −100 twice ("no cream" ×2): net 0 per unit.
            modifiers: [
              { name: "Extra paneer", price: 200 },
              { name: "No cream", price: -100, quantity: 2 },
            ],
          },
          { name: "Garlic Naan", quantity: 3, unitPrice: 350, modifiers: [{ name: "Butter", price: 25 }] },
        ],
        tax: 261,
        deliveryFee: 499,
        tip: 300,
        discount: 500,
      }),
    );
    expect(created).toBe(true);
    // 2 × (1450 + 200 − 200) = 2900; 3 × (350 + 25) = 1125
    expect(order).toMatchObject({
      currency: "USD",
      subtotalAmount: 4025,
      taxAmount: 261,
      deliveryFeeAmount: 499,
      tipAmount: 300,
      discountAmount: 500,
      totalAmount: 4025 + 261 + 499 + 300 - 500,
      connectionId: w.connection.id,
    });
    const items = await w.t.db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
    expect(items.map((i) => [i.name, i.totalPrice]).sort()).toEqual([
      ["Garlic Naan", 1125],
      ["Paneer Butter Masala", 2900],
    ]);
    // The outbox job is written with it, due now, keyed by the order.
    expect(job).toMatchObject({ orderId: order.id, status: "pending", idempotencyKey: `sb-${order.id}`, connectionId: w.connection.id, provider: "square" });
    expect(job.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await written()).toEqual({ orders: 1, items: 2, history: 1, jobs: 1 });
  });

  it("a duplicate external_id at the same restaurant returns the same order and writes nothing", async () => {
    const first = await createOrder(w.t.db, w.tenant.org.id, input());
    const counts = await written();
    const again = await createOrder(w.t.db, w.tenant.org.id, input({ items: [{ name: "Something else", quantity: 5, unitPrice: 999 }] }));
    expect(again.created).toBe(false);
    expect(again.order.id).toBe(first.order.id);
    expect(again.job.id).toBe(first.job.id);
    expect(again.order.totalAmount).toBe(1450);
    expect(await written()).toEqual(counts);
  });

  it("the same external_id at another restaurant is a different order", async () => {
    const other = await makeTenant(w.t.db);
    const a = await createOrder(w.t.db, w.tenant.org.id, input());
    const b = await createOrder(w.t.db, other.org.id, input({ restaurantId: other.restaurant.id }));
    expect(b.created).toBe(true);
    expect(b.order.id).not.toBe(a.order.id);
    expect(b.order.restaurantId).toBe(other.restaurant.id);
    expect((await written()).orders).toBe(2);
  });

  it("two concurrent deliveries of the same order end with one order", async () => {
    const [a, b] = await Promise.all([
      createOrder(w.t.db, w.tenant.org.id, input()),
      createOrder(w.t.db, w.tenant.org.id, input()),
    ]);
    expect(a.order.id).toBe(b.order.id);
    expect(a.job.id).toBe(b.job.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await written()).toEqual({ orders: 1, items: 1, history: 1, jobs: 1 });
  });

  it("invalid input → BAD_REQUEST with field errors, nothing written", async () => {
    const err = await appError(createOrder(w.t.db, w.tenant.org.id, input({ currency: "dollars", items: [] })));
    expect(err.code).toBe("BAD_REQUEST");
    const fieldErrors = err.details?.fieldErrors as Record<string, string[]>;
    expect(Object.keys(fieldErrors).sort()).toEqual(["currency", "items"]);
    expect(fieldErrors.items).toContain("An order needs at least one item");

    const delivery = await appError(createOrder(w.t.db, w.tenant.org.id, input({ type: "delivery" })));
    expect(delivery.details?.fieldErrors).toMatchObject({ deliveryAddress: ["A delivery order needs a delivery address"] });

    const discount = await appError(createOrder(w.t.db, w.tenant.org.id, input({ discount: 5000 })));
    expect(discount).toMatchObject({ code: "BAD_REQUEST", details: { fieldErrors: { discount: expect.any(Array) } } });

    expect(await written()).toEqual({ orders: 0, items: 0, history: 0, jobs: 0 });
  });

  it("another organization's restaurant → NOT_FOUND, nothing written", async () => {
    const other = await makeTenant(w.t.db);
    const err = await appError(createOrder(w.t.db, other.org.id, input()));
    expect(err.code).toBe("NOT_FOUND");
    expect((await written()).orders).toBe(0);
  });

  it("another organization cannot read an existing order by resending its external_id", async () => {
    const mine = await createOrder(w.t.db, w.tenant.org.id, input());
    const other = await makeTenant(w.t.db);
    const err = await appError(createOrder(w.t.db, other.org.id, input()));
    expect(err.code).toBe("NOT_FOUND");
    expect(err.message).not.toContain(mine.order.id);
    expect((await written()).orders).toBe(1);
  });

  it("no connection → the job waits (pending) with a reason, parked far in the future", async () => {
    const lonely = await makeTenant(w.t.db);
    const { order, job } = await createOrder(w.t.db, lonely.org.id, input({ restaurantId: lonely.restaurant.id }));
    expect(order.connectionId).toBeNull();
    expect(job).toMatchObject({ status: "pending", connectionId: null, provider: null });
    expect(job.lastErrorMessage).toMatch(/No POS is connected/);
    expect(job.nextAttemptAt).toEqual(PARKED);
  });

  it("auto-sync off → the job waits with the 'Automatic sync is off' reason, parked", async () => {
    await w.t.db.update(connections).set({ autoSyncOrders: false }).where(eq(connections.id, w.connection.id));
    const { job } = await createOrder(w.t.db, w.tenant.org.id, input());
    expect(job).toMatchObject({ status: "pending", connectionId: w.connection.id });
    expect(job.lastErrorMessage).toMatch(/Automatic sync is off/);
    expect(job.nextAttemptAt).toEqual(PARKED);
  });
});

describe("requestManualSync", () => {
  it("a job that failed validation gets a fresh idempotency key and fresh retries", async () => {
    const { order, job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 400, code: "INVALID_VALUE", detail: "bad line item" });
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("failed");
    expect(await w.job(job.id)).toMatchObject({ status: "failed", lastErrorClass: "validation" });

    const woken = await requestManualSync(w.t.db, w.tenant.org.id, order.id);
    expect(woken).toMatchObject({ status: "pending", retryCount: 0, completedAt: null });
    expect(woken.idempotencyKey).not.toBe(job.idempotencyKey);
    expect(woken.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await w.job(job.id)).idempotencyKey).toBe(woken.idempotencyKey);
    // With the new key the POS accepts it.
    expect((await runSyncJob(w.t.db, job.id, { settings, manual: true })).status).toBe("success");
    expect(w.posOrders()).toHaveLength(1);
  });

  it("a job waiting to retry keeps its key (the POS may already hold the order) and becomes due now", async () => {
    const { order, job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 503 });
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("retry");
    const before = await w.job(job.id);
    expect(before.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    const woken = await requestManualSync(w.t.db, w.tenant.org.id, order.id);
    expect(woken).toMatchObject({ status: "pending", idempotencyKey: job.idempotencyKey, retryCount: before.retryCount });
    expect(woken.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("an order already in the POS → CONFLICT", async () => {
    const { order, job } = await w.order();
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("success");
    const err = await appError(requestManualSync(w.t.db, w.tenant.org.id, order.id));
    expect(err.code).toBe("CONFLICT");
    expect(await w.job(job.id)).toMatchObject({ status: "success", idempotencyKey: job.idempotencyKey });
  });

  it("another organization's order → NOT_FOUND and the job is untouched", async () => {
    const { order, job } = await w.order();
    w.fake.faults.next("POST /v2/orders", { status: 400 });
    await runSyncJob(w.t.db, job.id, { settings });
    const before = await w.job(job.id);
    const other = await makeTenant(w.t.db);
    const err = await appError(requestManualSync(w.t.db, other.org.id, order.id));
    expect(err.code).toBe("NOT_FOUND");
    expect(await w.job(job.id)).toEqual(before);
  });
});
