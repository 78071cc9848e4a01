/**
 * Contract tests: the adapter against the PetPooja fake, through the base URL only.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { petpoojaAdapter } from "./client";
import { FAKE_PETPOOJA_REST_ID, startFakePetpooja, type FakePetpooja, type StartFakePetpoojaOptions } from "./fake";
import { ADDON_MAPPING, petpoojaContext, rupeeOrder } from "./fixtures/orders";

let fake: FakePetpooja;
const ctx = (o: Partial<Parameters<typeof petpoojaContext>[0]> = {}) => petpoojaContext({ baseUrl: fake.url, ...o });
const start = async (o: StartFakePetpoojaOptions = {}) => {
  await fake?.close();
  fake = await startFakePetpooja(o);
};

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const saves = () => fake.state.requests.filter((r) => r.path === "/save_order");

beforeEach(async () => {
  fake = await startFakePetpooja();
});
afterEach(async () => {
  await fake.close();
});

describe("pushOrder", () => {
  it("saves the order: our id is the clientOrderID and the posOrderId; rupee strings on the wire", async () => {
    const order = rupeeOrder();
    const r = await petpoojaAdapter.pushOrder(ctx(), order, { idempotencyKey: "job-1" });
    expect(r.posOrderId).toBe(order.id);
    expect(r.summary).toMatchObject({ clientOrderID: order.id, restID: FAKE_PETPOOJA_REST_ID, petpoojaOrderId: "26" });
    const [saved] = fake.orders();
    expect(fake.orders()).toHaveLength(1);
    expect(saved).toMatchObject({ clientOrderID: order.id, restID: FAKE_PETPOOJA_REST_ID, orderID: "26", status: "0" });
    const info = (saved!.body.orderinfo as { OrderInfo: { Order: { details: Record<string, unknown> }; OrderItem: { details: Array<Record<string, unknown>> } } }).OrderInfo;
    expect(info.Order.details).toMatchObject({ total: "902.00", order_type: "H" });
    expect(info.OrderItem.details[0]).toMatchObject({ price: "290.00", AddonItem: { details: [{ group_id: 40001, price: "60.00" }] } });
    expect(saved!.body).toMatchObject({ device_type: "Web", udid: "" });
  });

  it("retry after a delayed (timed-out) response → exactly one order in the fake, same posOrderId", async () => {
    const order = rupeeOrder();
    fake.faults.next("POST /save_order", { delayMs: 800 });
    const first = await caught(petpoojaAdapter.pushOrder(ctx({ timeoutMs: 200 }), order, { idempotencyKey: "job-1" }));
    expect(first).toMatchObject({ code: "PROVIDER_UNAVAILABLE", details: { vendorCode: "TIMEOUT" } });
    expect(fake.orders()).toHaveLength(1); // PetPooja saved it although we timed out
    const again = await petpoojaAdapter.pushOrder(ctx(), order, { idempotencyKey: "job-1" });
    expect(again).toMatchObject({ posOrderId: order.id, summary: { duplicate: true } });
    expect(fake.orders()).toHaveLength(1);
    expect(saves()).toHaveLength(2);
  });

  it("a fake that replays duplicates instead of rejecting them is handled too", async () => {
    await start({ quirks: { duplicateOrder: "replay" } });
    const order = rupeeOrder();
    await petpoojaAdapter.pushOrder(ctx(), order, { idempotencyKey: "k" });
    const again = await petpoojaAdapter.pushOrder(ctx(), order, { idempotencyKey: "k" });
    expect(again).toMatchObject({ posOrderId: order.id, summary: { petpoojaOrderId: "26" } });
    expect(fake.orders()).toHaveLength(1);
  });

  it("a configured duplicate errorCode is recognised even with an unknown message", async () => {
    await start({ quirks: { duplicateErrorCode: "PP_DUP_7" } });
    const c = ctx({ config: { addon_mapping: ADDON_MAPPING, error_codes: { duplicate: ["PP_DUP_7"], duplicate_message: ["zzz-no-match"] } } });
    await petpoojaAdapter.pushOrder(c, rupeeOrder(), { idempotencyKey: "k" });
    await expect(petpoojaAdapter.pushOrder(c, rupeeOrder(), { idempotencyKey: "k" })).resolves.toMatchObject({ summary: { duplicate: true } });
    // …and without the code or message match, the duplicate is a plain rejection.
    const strict = ctx({ config: { addon_mapping: ADDON_MAPPING, error_codes: { duplicate_message: ["zzz-no-match"] } } });
    expect(await caught(petpoojaAdapter.pushOrder(strict, rupeeOrder(), { idempotencyKey: "k" }))).toMatchObject({ code: "PROVIDER_REJECTED" });
  });

  it.each([
    [401, "PROVIDER_AUTH"],
    [403, "PROVIDER_AUTH"],
    [400, "PROVIDER_REJECTED"],
    [500, "PROVIDER_UNAVAILABLE"],
    [503, "PROVIDER_UNAVAILABLE"],
  ] as const)("HTTP %i → %s, nothing saved", async (status, code) => {
    fake.faults.next("POST /save_order", { status });
    const err = await caught(petpoojaAdapter.pushOrder(ctx(), rupeeOrder(), { idempotencyKey: "k" }));
    expect(err.code).toBe(code);
    expect(err.details?.httpStatus).toBe(status);
    expect(fake.orders()).toHaveLength(0);
  });

  it("429 → RATE_LIMITED with Retry-After", async () => {
    fake.faults.next("POST /save_order", { status: 429, retryAfterSeconds: 42 });
    const err = await caught(petpoojaAdapter.pushOrder(ctx(), rupeeOrder(), { idempotencyKey: "k" }));
    expect(err).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: 42_000 });
  });

  it("wrong credentials → PROVIDER_AUTH (HTTP 401), or via a configured errorCode when PetPooja answers 200", async () => {
    const wrong = { clientId: "nope", clientSecret: "nope", extra: { access_token: "nope" } };
    expect(await caught(petpoojaAdapter.pushOrder(ctx({ app: wrong }), rupeeOrder(), { idempotencyKey: "k" }))).toMatchObject({ code: "PROVIDER_AUTH" });
    await start({ quirks: { authFailureStatus: 200, authErrorCode: "AUTH_9" } });
    expect(await caught(petpoojaAdapter.pushOrder(ctx({ app: wrong }), rupeeOrder(), { idempotencyKey: "k" }))).toMatchObject({ code: "PROVIDER_REJECTED" });
    const configured = ctx({ app: wrong, config: { addon_mapping: ADDON_MAPPING, error_codes: { auth: ["AUTH_9"] } } });
    expect(await caught(petpoojaAdapter.pushOrder(configured, rupeeOrder(), { idempotencyKey: "k" }))).toMatchObject({ code: "PROVIDER_AUTH" });
  });

  it("a connection's own credentials override the platform's", async () => {
    const wrongPlatform = { clientId: "nope", clientSecret: "nope", extra: { access_token: "nope" } };
    const own = { extra: { app_key: fake.state.app.app_key, app_secret: fake.state.app.app_secret, access_token: fake.state.app.access_token } };
    await expect(petpoojaAdapter.pushOrder(ctx({ app: wrongPlatform, credentials: own }), rupeeOrder(), { idempotencyKey: "k" })).resolves.toMatchObject({ posOrderId: rupeeOrder().id });
  });

  it("PetPooja validation failures (success \"0\", HTTP 200) → PROVIDER_REJECTED naming the field", async () => {
    const err = await caught(petpoojaAdapter.pushOrder(ctx({ restID: "unknown-rest" }), rupeeOrder(), { idempotencyKey: "k" }));
    expect(err).toMatchObject({ code: "PROVIDER_REJECTED", details: { httpStatus: 200, vendorCode: "MS_101" } });
    expect(err.message).toContain("restID: Please provide valid restaurant id.");
  });

  it("missing configuration is BAD_REQUEST naming the fields, before any call", async () => {
    const err = await caught(petpoojaAdapter.pushOrder(ctx({ app: {}, restID: null }), rupeeOrder(), { idempotencyKey: "k" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toBe("PetPooja configuration is incomplete: missing app_key, app_secret, access_token, restID");
    expect(fake.state.requests).toHaveLength(0);
  });

  it("a restaurant may not point endpoints at another host", async () => {
    const err = await caught(petpoojaAdapter.pushOrder(ctx({ config: { endpoints: { save_order: "https://evil.example/steal" } } }), rupeeOrder(), { idempotencyKey: "k" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(fake.state.requests).toHaveLength(0);
  });

  it("network error → PROVIDER_UNAVAILABLE", async () => {
    const url = fake.url;
    await fake.close();
    const err = await caught(petpoojaAdapter.pushOrder(ctx({ baseUrl: url }), rupeeOrder(), { idempotencyKey: "k" }));
    expect(err).toMatchObject({ code: "PROVIDER_UNAVAILABLE", details: { vendorCode: "NETWORK_ERROR" } });
    fake = await startFakePetpooja();
  });
});

describe("cancelOrder", () => {
  it("update_order_status with status -1 by clientorderID; repeating is harmless", async () => {
    const { posOrderId } = await petpoojaAdapter.pushOrder(ctx(), rupeeOrder(), { idempotencyKey: "k" });
    await petpoojaAdapter.cancelOrder!(ctx(), posOrderId, { idempotencyKey: "c1", reason: "Customer changed mind" });
    expect(fake.orders()[0]).toMatchObject({ status: "-1", cancelReason: "Customer changed mind" });
    await petpoojaAdapter.cancelOrder!(ctx(), posOrderId, { idempotencyKey: "c1" });
    expect(fake.orders()[0]?.status).toBe("-1");
  });

  it("unknown order → PROVIDER_REJECTED; 500 → PROVIDER_UNAVAILABLE", async () => {
    expect(await caught(petpoojaAdapter.cancelOrder!(ctx(), "nope", { idempotencyKey: "c" }))).toMatchObject({ code: "PROVIDER_REJECTED", details: { vendorCode: "ORDER_NOT_FOUND" } });
    fake.faults.next("POST /update_order_status", { status: 500 });
    expect(await caught(petpoojaAdapter.cancelOrder!(ctx(), "nope", { idempotencyKey: "c" }))).toMatchObject({ code: "PROVIDER_UNAVAILABLE" });
  });
});

describe("fetchMenu / healthCheck", () => {
  it("credentials in the body when configured", async () => {
    await petpoojaAdapter.fetchMenu!(ctx({ config: { menu_credentials: "body" } }));
    expect(fake.state.requests[0]).toMatchObject({ credentialsIn: "body" });
  });

  it("healthCheck reports ok, and the error when the menu call fails", async () => {
    await expect(petpoojaAdapter.healthCheck!(ctx())).resolves.toMatchObject({ ok: true });
    fake.faults.next("/mapped_restaurant_menus", { status: 401 });
    const h = await petpoojaAdapter.healthCheck!(ctx());
    expect(h.ok).toBe(false);
    expect(h.detail).toMatch(/^PROVIDER_AUTH/);
  });
});

describe("fake control plane and callbacks", () => {
  it("/__fake/faults and /__fake/state", async () => {
    const res = await fetch(`${fake.origin}/__fake/faults`, { method: "POST", body: JSON.stringify({ target: "POST /save_order", fault: { status: 503 } }) });
    expect(await res.json()).toEqual({ pending: 1 });
    expect(await caught(petpoojaAdapter.pushOrder(ctx(), rupeeOrder(), { idempotencyKey: "k" }))).toMatchObject({ code: "PROVIDER_UNAVAILABLE" });
    await petpoojaAdapter.pushOrder(ctx(), rupeeOrder(), { idempotencyKey: "k" });
    const state = (await (await fetch(`${fake.origin}/__fake/state`)).json()) as { orders: number; order_list: Array<{ clientOrderID: string }> };
    expect(state.orders).toBe(1);
    expect(state.order_list[0]?.clientOrderID).toBe(rupeeOrder().id);
  });
});
