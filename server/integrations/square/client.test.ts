/**
 * Contract tests: the adapter against the Square fake, through the base URL only.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { squareAdapter } from "./client";
import { FAKE_SQUARE_LOCATION_IDS, fakeVariationId, startFakeSquare, type FakeSquare } from "./fake";
import { adapterContext, canonicalOrder } from "./fixtures/orders";
import { SQUARE_DEFAULT_VERSION } from "./provider";

let fake: FakeSquare;
let token: string;
const ctx = (o: Partial<Parameters<typeof adapterContext>[0]> = {}) => adapterContext({ baseUrl: fake.url, accessToken: token, ...o });

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const posts = (path: string) => fake.state.requests.filter((r) => r.method === "POST" && r.path === path);

beforeEach(async () => {
  fake = await startFakeSquare();
  token = fake.issueToken().accessToken;
});
afterEach(async () => {
  await fake.close();
});

describe("listLocations", () => {
  it("lists the merchant's locations with currency", async () => {
    const locations = await squareAdapter.listLocations!(ctx());
    expect(locations).toHaveLength(2);
    expect(locations[0]).toMatchObject({ id: FAKE_SQUARE_LOCATION_IDS[0], currency: "USD", active: true });
    expect(fake.state.requests[0]?.squareVersion).toBe(SQUARE_DEFAULT_VERSION);
  });

  it("sends the restaurant's Square-Version override", async () => {
    await squareAdapter.listLocations!(ctx({ config: { squareVersion: "2025-05-21" } }));
    expect(fake.state.requests[0]?.squareVersion).toBe("2025-05-21");
  });
});

describe("pushOrder", () => {
  it("creates the order and an EXTERNAL payment for Square's total", async () => {
    const result = await squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-1" });
    expect(fake.state.orders.size).toBe(1);
    const order = fake.state.orders.get(result.posOrderId);
    expect(order).toMatchObject({ reference_id: "0b7c1e52-7d2a-4d0e-9a57-6c1f3f6f0a11", location_id: FAKE_SQUARE_LOCATION_IDS[0], state: "OPEN" });
    expect(order?.line_items[0]).toMatchObject({ quantity: "2", base_price_money: { amount: 1250, currency: "USD" } });
    expect(order?.total_money).toEqual({ amount: 2600, currency: "USD" });
    expect(order?.fulfillments[0]).toMatchObject({ type: "PICKUP", state: "PROPOSED" });
    expect(order?.net_amount_due_money.amount).toBe(0);
    const [payment] = [...fake.state.payments.values()];
    expect(fake.state.payments.size).toBe(1);
    expect(payment).toMatchObject({
      source_type: "EXTERNAL",
      external_details: { type: "OTHER", source: "Switchboard marketplace" },
      amount_money: { amount: 2600, currency: "USD" },
      order_id: result.posOrderId,
      status: "COMPLETED",
    });
    expect(posts("/v2/orders").map((r) => r.idempotencyKey)).toEqual(["order-1"]);
    expect(posts("/v2/payments").map((r) => r.idempotencyKey)).toEqual(["order-1:pay"]);
    expect(result.summary).toMatchObject({ total: 2600, currency: "USD", paymentId: payment?.id });
  });

  it("prices mapped lines from the catalog and skips the payment when configured", async () => {
    const order = canonicalOrder({ items: [{ name: "x", quantity: 1, unitPrice: 1, posVariationId: fakeVariationId(0), modifiers: [] }] });
    const result = await squareAdapter.pushOrder(ctx({ config: { markPaidExternally: false } }), order, { idempotencyKey: "order-2" });
    expect(fake.state.orders.get(result.posOrderId)?.line_items[0]).toMatchObject({ catalog_object_id: fakeVariationId(0), name: "Classic Burger" });
    expect(fake.state.payments.size).toBe(0);
  });

  it("a retry after a timeout ends with exactly one order and one payment", async () => {
    fake.faults.next("POST /v2/orders", { delayMs: 1_500 });
    const first = await caught(squareAdapter.pushOrder(ctx({ timeoutMs: 300 }), canonicalOrder(), { idempotencyKey: "order-3" }));
    expect(first).toMatchObject({ code: "PROVIDER_UNAVAILABLE", details: { vendorCode: "TIMEOUT" } });
    // Square created the order although we never heard back.
    expect(fake.state.orders.size).toBe(1);
    expect(fake.state.payments.size).toBe(0);
    const retry = await squareAdapter.pushOrder(ctx({ timeoutMs: 300 }), canonicalOrder(), { idempotencyKey: "order-3" });
    expect(fake.state.orders.size).toBe(1);
    expect(fake.state.payments.size).toBe(1);
    expect(retry.posOrderId).toBe([...fake.state.orders.keys()][0]);
  });

  it("a timeout on the payment is retried into the same payment", async () => {
    fake.faults.next("POST /v2/payments", { delayMs: 1_500 });
    const first = await caught(squareAdapter.pushOrder(ctx({ timeoutMs: 300 }), canonicalOrder(), { idempotencyKey: "order-4" }));
    expect(first.code).toBe("PROVIDER_UNAVAILABLE");
    expect(first.details?.posOrderId).toBe([...fake.state.orders.keys()][0]);
    await squareAdapter.pushOrder(ctx({ timeoutMs: 300 }), canonicalOrder(), { idempotencyKey: "order-4" });
    expect(fake.state.orders.size).toBe(1);
    expect(fake.state.payments.size).toBe(1);
  });

  it.each([
    [{ status: 401 as const }, "PROVIDER_AUTH", "UNAUTHORIZED"],
    [{ status: 400 as const }, "PROVIDER_REJECTED", "BAD_REQUEST"],
    [{ status: 500 as const }, "PROVIDER_UNAVAILABLE", "INTERNAL_SERVER_ERROR"],
    [{ status: 503 as const }, "PROVIDER_UNAVAILABLE", "SERVICE_UNAVAILABLE"],
  ])("maps %j to %s without retrying inside the SDK", async (fault, code, vendorCode) => {
    fake.faults.next("POST /v2/orders", fault);
    const err = await caught(squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-5" }));
    expect(err.code).toBe(code);
    expect(err.details).toMatchObject({ httpStatus: fault.status, vendorCode });
    expect(err.message).toContain(vendorCode);
    expect(posts("/v2/orders")).toHaveLength(1);
    expect(fake.state.orders.size).toBe(0);
  });

  it("maps 429 to RATE_LIMITED with Retry-After", async () => {
    fake.faults.next("POST /v2/orders", { status: 429, retryAfterSeconds: 7 });
    const err = await caught(squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-6" }));
    expect(err).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: 7_000, details: { httpStatus: 429, vendorCode: "RATE_LIMITED" } });
  });

  it("maps 429 without Retry-After to RATE_LIMITED with no delay", async () => {
    fake.faults.next("POST /v2/orders", { status: 429 });
    const err = await caught(squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-7" }));
    expect(err.code).toBe("RATE_LIMITED");
    expect(err.retryAfterMs).toBeUndefined();
  });

  it("expired, revoked, missing or under-scoped tokens are PROVIDER_AUTH", async () => {
    fake.expireToken(token);
    expect(await caught(squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "a" }))).toMatchObject({ code: "PROVIDER_AUTH", details: { vendorCode: "ACCESS_TOKEN_EXPIRED" } });
    const revoked = fake.issueToken().accessToken;
    fake.revokeToken(revoked);
    expect((await caught(squareAdapter.pushOrder(ctx({ accessToken: revoked }), canonicalOrder(), { idempotencyKey: "b" }))).code).toBe("PROVIDER_AUTH");
    expect((await caught(squareAdapter.pushOrder(ctx({ accessToken: undefined }), canonicalOrder(), { idempotencyKey: "c" }))).code).toBe("PROVIDER_AUTH");
    const readOnly = fake.issueToken({ scopes: ["ORDERS_READ"] }).accessToken;
    expect(await caught(squareAdapter.pushOrder(ctx({ accessToken: readOnly }), canonicalOrder(), { idempotencyKey: "d" }))).toMatchObject({ code: "PROVIDER_AUTH", details: { httpStatus: 403 } });
    expect(JSON.stringify(fake.state.requests)).not.toContain(token);
  });

  it("rejects a line whose POS item no longer exists (menu drift)", async () => {
    const order = canonicalOrder({ items: [{ name: "Gone", quantity: 1, unitPrice: 100, posVariationId: "DELETEDVAR", modifiers: [] }] });
    const err = await caught(squareAdapter.pushOrder(ctx(), order, { idempotencyKey: "order-8" }));
    expect(err).toMatchObject({ code: "PROVIDER_REJECTED", details: { httpStatus: 404, vendorCode: "NOT_FOUND" } });
  });

  it("is PROVIDER_UNAVAILABLE when Square cannot be reached", async () => {
    const url = fake.url;
    await fake.close();
    const err = await caught(squareAdapter.pushOrder(adapterContext({ baseUrl: url, accessToken: token }), canonicalOrder(), { idempotencyKey: "x" }));
    expect(err.code).toBe("PROVIDER_UNAVAILABLE");
    fake = await startFakeSquare();
  });
});

describe("getOrder and cancelOrder", () => {
  it("maps Square states to our status", async () => {
    const { posOrderId } = await squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-9" });
    expect(await squareAdapter.getOrder!(ctx(), posOrderId)).toMatchObject({ posOrderId, status: "placed", vendorState: "OPEN/PROPOSED" });
    await fake.advanceOrder(posOrderId, "PREPARED");
    expect(await squareAdapter.getOrder!(ctx(), posOrderId)).toMatchObject({ status: "ready", vendorState: "OPEN/PREPARED" });
    expect((await caught(squareAdapter.getOrder!(ctx(), "NOPE"))).code).toBe("PROVIDER_REJECTED");
  });

  it("cancels with the current version, and again is a no-op", async () => {
    const { posOrderId } = await squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-10" });
    await squareAdapter.cancelOrder!(ctx(), posOrderId, { idempotencyKey: "cancel-1", reason: "Customer asked" });
    const order = fake.state.orders.get(posOrderId);
    expect(order?.state).toBe("CANCELED");
    expect(order?.fulfillments[0]).toMatchObject({ state: "CANCELED", pickup_details: { cancel_reason: "Customer asked" } });
    expect((await squareAdapter.getOrder!(ctx(), posOrderId)).status).toBe("cancelled");
    await squareAdapter.cancelOrder!(ctx(), posOrderId, { idempotencyKey: "cancel-1" });
    expect(fake.state.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
  });

  it("re-reads once when the kitchen changed the order in between", async () => {
    const { posOrderId } = await squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-11" });
    fake.faults.next("PUT /v2/orders/*", { status: 400, code: "VERSION_MISMATCH" });
    await squareAdapter.cancelOrder!(ctx(), posOrderId, { idempotencyKey: "cancel-2" });
    expect(fake.state.orders.get(posOrderId)?.state).toBe("CANCELED");
    expect(fake.state.requests.filter((r) => r.method === "PUT").map((r) => r.idempotencyKey)).toEqual(["cancel-2", "cancel-2:retry1"]);
  });

  it("refuses to cancel a completed order", async () => {
    const { posOrderId } = await squareAdapter.pushOrder(ctx(), canonicalOrder(), { idempotencyKey: "order-12" });
    await fake.advanceOrder(posOrderId, "COMPLETED");
    expect((await caught(squareAdapter.cancelOrder!(ctx(), posOrderId, { idempotencyKey: "cancel-3" }))).code).toBe("PROVIDER_REJECTED");
  });
});

describe("healthCheck", () => {
  it("is ok when Square answers", async () => {
    const health = await squareAdapter.healthCheck!(ctx());
    expect(health.ok).toBe(true);
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports a dead POS or a bad token without throwing", async () => {
    fake.faults.next("*", { status: 503, times: Infinity });
    const dead = await squareAdapter.healthCheck!(ctx());
    expect(dead).toMatchObject({ ok: false });
    expect(dead.detail).toContain("PROVIDER_UNAVAILABLE");
    fake.faults.clear();
    const noToken = await squareAdapter.healthCheck!(ctx({ accessToken: undefined }));
    expect(noToken).toMatchObject({ ok: false });
    expect(noToken.detail).toContain("PROVIDER_AUTH");
  });
});
