/**
 * POST /api/v1/orders through the real handler: a real API key, the real Square adapter
 * against the fake, jobs run explicitly (dispatch is recorded, never run in the background).
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { orderItems, orders, syncJobs } from "~/db/schema";
import { createApiKey } from "~/server/api-keys/manage";
import { createOrderResponseSchema, successEnvelopeSchema } from "~/server/rest/schemas";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { POST } from "./route";

// The handler opens "the app's" database: point it at this file's world (PGlite or TEST_DATABASE_URL).
const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as { name: string; data: Record<string, unknown> }[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
// Jobs are run explicitly here; record what would have been handed to the jobs driver.
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));
vi.mock("~/server/auth", () => ({ auth: async () => null }));

let w: Awaited<ReturnType<typeof squareWorld>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let key: string;
let otherKey: string;
const settings = syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 5_000 });

beforeAll(async () => {
  w = await squareWorld(); // w.tenant's restaurant is connected to the Square fake
  h.db = w.t.db;
  other = await makeTenant(w.t.db);
  key = (await createApiKey(w.t.db, { organizationId: w.tenant.org.id, actorUserId: w.tenant.user.id, name: "Marketplace" })).plaintext;
  otherKey = (await createApiKey(w.t.db, { organizationId: other.org.id, actorUserId: other.user.id, name: "Other" })).plaintext;
});
afterAll(() => w.dispose());

let seq = 0;
const validBody = (over: Record<string, unknown> = {}) => ({
  restaurant_id: w.tenant.restaurant.id,
  external_id: `MM-${++seq}-${randomUUID().slice(0, 8)}`,
  currency: "usd",
  customer: { name: "Asha Rao", phone: "+14155550101" },
  type: "delivery",
  items: [
    { dish_id: "dish-paneer", name: "Paneer Butter Masala", quantity: 2, unit_price: 1450, note: "Extra spicy" },
    { name: "Garlic Naan", quantity: 3, unit_price: 350, modifiers: [{ name: "Extra butter", price: 50 }] },
  ],
  delivery_address: { line1: "42 Market St", city: "San Francisco", postcode: "94105" },
  tax: 300,
  delivery_fee: 400,
  ...over,
});
// 2×1450 + 3×(350+50) + 300 + 400
const VALID_TOTAL = 2900 + 1200 + 700;

async function post(body: unknown, apiKey: string | null = key) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
  const res = await POST(new Request("http://localhost/api/v1/orders", { method: "POST", headers, body: JSON.stringify(body) }));
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  return { status: res.status, text, json: JSON.parse(text) as any };
}

async function rowCounts() {
  const [o] = await w.t.db.select({ n: count() }).from(orders);
  const [i] = await w.t.db.select({ n: count() }).from(orderItems);
  const [j] = await w.t.db.select({ n: count() }).from(syncJobs);
  return { orders: o!.n, items: i!.n, jobs: j!.n };
}

describe("POST /api/v1/orders", () => {
  it("201 for a valid order: our id, sync_status, total in minor units, queued for the POS", async () => {
    h.dispatched.length = 0;
    const before = await rowCounts();
    const body = validBody();
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(() => successEnvelopeSchema(createOrderResponseSchema).parse(res.json)).not.toThrow();
    expect(res.json).toEqual({
      success: true,
      message: "Order received",
      data: {
        order: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          external_id: body.external_id,
          status: "placed",
          sync_status: "pending",
          total: VALID_TOTAL,
          currency: "USD",
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      },
    });
    const id = res.json.data.order.id as string;
    const row = await w.t.db.query.orders.findFirst({ where: eq(orders.id, id) });
    expect(row).toMatchObject({ organizationId: w.tenant.org.id, restaurantId: w.tenant.restaurant.id, totalAmount: VALID_TOTAL, source: "marketplace" });
    expect(await rowCounts()).toEqual({ orders: before.orders + 1, items: before.items + 2, jobs: before.jobs + 1 });
    const job = await w.t.db.query.syncJobs.findFirst({ where: eq(syncJobs.orderId, id) });
    expect(h.dispatched).toEqual([{ name: "switchboard/order.sync-requested", data: expect.objectContaining({ jobId: job!.id, manual: false }) }]);
  });

  it("resending the same external_id is 200 with the same order and no second row", async () => {
    const body = validBody();
    const first = await post(body);
    expect(first.status).toBe(201);
    h.dispatched.length = 0;
    const before = await rowCounts();
    // Even a resend with different content is the same order: external_id decides.
    const again = await post({ ...body, items: [{ name: "Something else", quantity: 1, unit_price: 100 }] });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ success: true, message: "Order already received" });
    expect(again.json.data.order).toEqual(first.json.data.order);
    expect(await rowCounts()).toEqual(before);
    expect(h.dispatched).toEqual([]);
    const rows = await w.t.db.select().from(orders).where(eq(orders.externalId, body.external_id));
    expect(rows).toHaveLength(1);
  });

  const noItems = () => {
    const { items: _i, ...rest } = validBody();
    return rest;
  };
  const invalid: [string, () => unknown, string][] = [
    ["missing items", noItems, "items"],
    ["empty items", () => validBody({ items: [] }), "items"],
    ["quantity 0", () => validBody({ items: [{ name: "Naan", quantity: 0, unit_price: 350 }] }), "items.0.quantity"],
    ["fractional quantity", () => validBody({ items: [{ name: "Naan", quantity: 1.5, unit_price: 350 }] }), "items.0.quantity"],
    ["negative unit_price", () => validBody({ items: [{ name: "Naan", quantity: 1, unit_price: -350 }] }), "items.0.unit_price"],
    ["float unit_price", () => validBody({ items: [{ name: "Naan", quantity: 1, unit_price: 3.5 }] }), "items.0.unit_price"],
    ['currency "dollars"', () => validBody({ currency: "dollars" }), "currency"],
    ["delivery without address", () => validBody({ delivery_address: undefined }), "delivery_address"],
    ["delivery with a blank address", () => validBody({ delivery_address: { line1: "" } }), "delivery_address"],
    ["restaurant_id that is not an id", () => validBody({ restaurant_id: "spice-route" }), "restaurant_id"],
    ["missing customer name", () => validBody({ customer: { phone: "+14155550101" } }), "customer.name"],
    ["unknown type", () => validBody({ type: "drone" }), "type"],
    ["discount above the total", () => validBody({ discount: VALID_TOTAL + 1 }), "discount"],
  ];

  it.each(invalid)("400 with field errors and nothing written: %s", async (_name, body, field) => {
    h.dispatched.length = 0;
    const before = await rowCounts();
    const res = await post(body());
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ success: false, data: null, message: "Validation failed" });
    expect(res.json.errors).toHaveProperty([field]);
    expect(res.json.errors[field]).toEqual([expect.any(String)]);
    expect(await rowCounts()).toEqual(before);
    expect(h.dispatched).toEqual([]);
  });

  it("a restaurant id that does not exist is 404, nothing written", async () => {
    const before = await rowCounts();
    const res = await post(validBody({ restaurant_id: randomUUID() }));
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ success: false, data: null, message: "Restaurant not found" });
    expect(await rowCounts()).toEqual(before);
  });

  it("another organization's restaurant_id is 404, nothing written", async () => {
    const before = await rowCounts();
    const res = await post(validBody({ restaurant_id: w.tenant.restaurant.id }), otherKey);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ success: false, data: null, message: "Restaurant not found" });
    expect(await rowCounts()).toEqual(before);
    // And the other way round.
    expect((await post(validBody({ restaurant_id: other.restaurant.id }))).status).toBe(404);
  });

  it("another organization cannot read an order back by resending its external_id", async () => {
    const body = validBody();
    const mine = await post(body);
    expect(mine.status).toBe(201);
    const before = await rowCounts();
    const res = await post(body, otherKey);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(mine.json.data.order.id);
    expect(await rowCounts()).toEqual(before);
  });

  it("401 with a wrong key or none, nothing written", async () => {
    const before = await rowCounts();
    expect((await post(validBody(), `sb_live_${"B".repeat(43)}`)).status).toBe(401);
    expect((await post(validBody(), key.slice(0, -1))).status).toBe(401);
    expect((await post(validBody(), null)).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });

  it("with Square connected, running the job puts the order in the POS exactly once", async () => {
    const body = validBody();
    const res = await post(body);
    const id = res.json.data.order.id as string;
    const job = (await w.t.db.query.syncJobs.findFirst({ where: eq(syncJobs.orderId, id) }))!;
    expect(job).toMatchObject({ status: "pending", connectionId: w.connection.id, provider: "square" });

    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("success");
    // A resend after the sync answers the synced state, and a second run pushes nothing.
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(again.json.data.order).toMatchObject({ id, sync_status: "success" });
    expect((await runSyncJob(w.t.db, job.id, { settings })).status).toBe("skipped");

    const inPos = w.posOrders().filter((o) => o.reference_id === id);
    expect(inPos).toHaveLength(1);
    expect(inPos[0]!.line_items.map((l) => [l.name, l.quantity])).toEqual([
      ["Paneer Butter Masala", "2"],
      ["Garlic Naan", "3"],
    ]);
    const row = await w.t.db.query.orders.findFirst({ where: eq(orders.id, id) });
    expect(row?.posOrderId).toBe(inPos[0]!.id);
  });
});
