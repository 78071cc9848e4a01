/**
 * Contract tests: the TouchBistro adapter against its fake, through the base URL only.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import type { AdapterContext, CanonicalOrder } from "../types";
import { touchbistroAdapter } from "./client";
import { FAKE_TOUCHBISTRO_LOCATION, startFakeTouchbistro, type FakeTouchbistro, type StartFakeTouchbistroOptions } from "./fake";
import { FAKE_TOUCHBISTRO_APP_CREDENTIALS } from "./sandbox";

let fake: FakeTouchbistro;
const start = async (o: StartFakeTouchbistroOptions = {}) => {
  await fake?.close();
  fake = await startFakeTouchbistro(o);
};
beforeEach(async () => {
  fake = await startFakeTouchbistro();
});
afterEach(async () => {
  await fake.close();
});

function ctx(o: { config?: Record<string, unknown>; token?: string; locationId?: string; timeoutMs?: number; partnerId?: string } = {}): AdapterContext {
  return {
    baseUrl: fake.url,
    app: { ...FAKE_TOUCHBISTRO_APP_CREDENTIALS, ...(o.partnerId ? { clientId: o.partnerId } : {}) },
    credentials: { accessToken: o.token ?? FAKE_TOUCHBISTRO_LOCATION.token },
    connection: { id: randomUUID(), externalLocationId: o.locationId ?? FAKE_TOUCHBISTRO_LOCATION.id, externalMerchantId: null, config: o.config ?? {} },
    timeoutMs: o.timeoutMs ?? 2_000,
  };
}

function cadOrder(over: Partial<CanonicalOrder> = {}): CanonicalOrder {
  return {
    id: randomUUID(),
    externalId: "MKT-CA-1",
    type: "pickup",
    currency: "CAD",
    items: [{ name: "Poutine", quantity: 2, unitPrice: 1299, modifiers: [{ name: "Extra gravy", price: 150, quantity: 1 }] }],
    customer: { name: "Jordan Lee" },
    totals: { subtotal: 2898, tax: 377, deliveryFee: 0, tip: 0, discount: 0, total: 3275 },
    placedAt: new Date(),
    sourceName: "Switchboard",
    ...over,
  };
}

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const creates = () => fake.state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/orders"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("pushOrder", () => {
  it("creates the order: decimal strings on the wire, our id as external_reference and idempotency key", async () => {
    const order = cadOrder();
    const r = await touchbistroAdapter.pushOrder(ctx(), order, { idempotencyKey: "job-1" });
    expect(r.posOrderId).toBe("5001");
    expect(r.summary).toMatchObject({ externalReference: order.id, locationId: FAKE_TOUCHBISTRO_LOCATION.id, vendorState: "new" });
    expect(fake.orders()).toHaveLength(1);
    const [saved] = fake.orders();
    expect(saved).toMatchObject({ id: "5001", locationId: FAKE_TOUCHBISTRO_LOCATION.id, externalReference: order.id, status: "new" });
    expect(saved!.body).toMatchObject({ total: "32.75", taxes: "3.77", sub_total: "28.98", currency: "CAD", order_type: "takeout" });
    expect(creates()[0]!.idempotencyKey).toBe(order.id);
  });

  it.each(["replay", "conflict"] as const)("is idempotent on our order id: a retry after a late answer gives the same order (duplicate %s)", async (duplicateOrder) => {
    await start({ quirks: { duplicateOrder } });
    const order = cadOrder();
    fake.faults.next("POST /api/v1/partner/*", { delayMs: 400 });
    const timeout = await caught(touchbistroAdapter.pushOrder(ctx({ timeoutMs: 100 }), order, { idempotencyKey: "job-1" }));
    expect(timeout.code).toBe("PROVIDER_UNAVAILABLE");
    expect(timeout.details).toMatchObject({ vendorCode: "TIMEOUT" });
    await sleep(500);
    const retry = await touchbistroAdapter.pushOrder(ctx(), order, { idempotencyKey: "job-1" });
    expect(retry.posOrderId).toBe("5001");
    expect(fake.orders()).toHaveLength(1);
    expect(creates()).toHaveLength(2);
    if (duplicateOrder === "conflict") expect(retry.summary).toMatchObject({ duplicate: true });
  });

  it("maps vendor failures to AppError codes", async () => {
    const badToken = await caught(touchbistroAdapter.pushOrder(ctx({ token: "wrong" }), cadOrder(), { idempotencyKey: "k" }));
    expect(badToken).toMatchObject({ code: "PROVIDER_AUTH", details: { httpStatus: 401, vendorCode: "UNAUTHORIZED" } });
    const badPartner = await caught(touchbistroAdapter.pushOrder(ctx({ partnerId: "someone-else" }), cadOrder(), { idempotencyKey: "k" }));
    expect(badPartner).toMatchObject({ code: "PROVIDER_AUTH", details: { vendorCode: "INVALID_PARTNER" } });

    fake.faults.next("POST /api/v1/partner/*", { status: 429, retryAfterSeconds: 7 });
    const limited = await caught(touchbistroAdapter.pushOrder(ctx(), cadOrder(), { idempotencyKey: "k" }));
    expect(limited).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: 7000 });

    fake.faults.next("POST /api/v1/partner/*", { status: 503 });
    expect((await caught(touchbistroAdapter.pushOrder(ctx(), cadOrder(), { idempotencyKey: "k" }))).code).toBe("PROVIDER_UNAVAILABLE");

    fake.faults.next("POST /api/v1/partner/*", { status: 403 });
    expect((await caught(touchbistroAdapter.pushOrder(ctx(), cadOrder(), { idempotencyKey: "k" }))).code).toBe("PROVIDER_AUTH");

    // The fake validates the body: a non-string total is rejected with 422.
    const rejected = await caught(touchbistroAdapter.pushOrder(ctx({ config: { money_format: "minor_int" } }), cadOrder(), { idempotencyKey: "k" }));
    expect(rejected).toMatchObject({ code: "PROVIDER_REJECTED", details: { httpStatus: 422, vendorCode: "VALIDATION_ERROR" } });
    expect(fake.orders()).toHaveLength(0);
  });

  it("refuses to run without the restaurant's grant, naming what is missing (no call made)", async () => {
    const c = ctx();
    c.credentials = {};
    const err = await caught(touchbistroAdapter.pushOrder(c, cadOrder(), { idempotencyKey: "k" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.details).toMatchObject({ missing: ["location_token"] });
    expect(fake.state.requests).toHaveLength(0);
  });

  it("sends the token in a header when configured (token_placement)", async () => {
    await start({ quirks: { tokenPlacement: "header" } });
    expect((await caught(touchbistroAdapter.pushOrder(ctx(), cadOrder(), { idempotencyKey: "k" }))).code).toBe("PROVIDER_AUTH");
    const r = await touchbistroAdapter.pushOrder(ctx({ config: { token_placement: "header" } }), cadOrder(), { idempotencyKey: "k" });
    expect(r.posOrderId).toBe("5001");
  });

  it("rejects a restaurant endpoint override that leaves the base URL", () => {
    const c = ctx({ config: { endpoints: { create_order: "https://evil.example/orders" } } });
    return expect(touchbistroAdapter.pushOrder(c, cadOrder(), { idempotencyKey: "k" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("getOrder", () => {
  it("reads the vendor state and maps it to our status as the kitchen moves the order", async () => {
    const { posOrderId } = await touchbistroAdapter.pushOrder(ctx(), cadOrder(), { idempotencyKey: "k" });
    expect(await touchbistroAdapter.getOrder!(ctx(), posOrderId)).toMatchObject({ posOrderId, status: "placed", vendorState: "new" });
    for (const [state, status] of [["accepted", "confirmed"], ["ready", "ready"], ["delivered", "delivered"], ["on_hold", null]] as const) {
      fake.advanceOrder(posOrderId, state);
      const snap = await touchbistroAdapter.getOrder!(ctx(), posOrderId);
      expect(snap).toMatchObject({ posOrderId, status, vendorState: state });
      expect(snap.updatedAt).toBeInstanceOf(Date);
    }
  });

  it("maps an unknown order to PROVIDER_REJECTED and an outage to PROVIDER_UNAVAILABLE", async () => {
    expect((await caught(touchbistroAdapter.getOrder!(ctx(), "nope"))).code).toBe("PROVIDER_REJECTED");
    fake.faults.next("GET *", { status: 502 });
    expect((await caught(touchbistroAdapter.getOrder!(ctx(), "nope"))).code).toBe("PROVIDER_UNAVAILABLE");
  });

  it("moves orders through the /__fake control plane too", async () => {
    const { posOrderId } = await touchbistroAdapter.pushOrder(ctx(), cadOrder(), { idempotencyKey: "k" });
    const res = await fetch(`${fake.url}/__fake/orders/${posOrderId}/status`, { method: "POST", body: JSON.stringify({ status: "ready" }) });
    expect(res.status).toBe(200);
    expect((await touchbistroAdapter.getOrder!(ctx(), posOrderId)).status).toBe("ready");
    const state = (await (await fetch(`${fake.url}/__fake/state`)).json()) as { orders: number };
    expect(state.orders).toBe(1);
  });
});

describe("healthCheck", () => {
  it("is ok with a valid grant and reports the failure otherwise", async () => {
    expect(await touchbistroAdapter.healthCheck!(ctx())).toMatchObject({ ok: true });
    const bad = await touchbistroAdapter.healthCheck!(ctx({ token: "wrong" }));
    expect(bad.ok).toBe(false);
    expect(bad.detail).toMatch(/^PROVIDER_AUTH/);
  });
});
