import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { PETPOOJA_SIGNATURE_HEADER, petpoojaSignature } from "./signature";
import { createPetpoojaWebhooks, petpoojaEventId, petpoojaWebhooks } from "./webhooks";

// Seed 002 order-status payload, signed as seed 002 says: sha256=<hex HMAC-SHA256(secret, rawBody)>.
const VECTOR = {
  secret: "whsec-petpooja-rest-123",
  body: '{"order_id":"12345","pos_order_id":"PP_67890","status":"CONFIRMED","timestamp":"2024-01-15T10:30:00Z","restaurant_id":"rest_123"}',
};
const EXPECTED = `sha256=${createHmac("sha256", VECTOR.secret).update(VECTOR.body).digest("hex")}`;

const request = (o: { rawBody?: string; signature?: string | null; authorization?: string } = {}) => {
  const headers = new Headers();
  const sig = o.signature === undefined ? EXPECTED : o.signature;
  if (sig !== null) headers.set(PETPOOJA_SIGNATURE_HEADER, sig);
  if (o.authorization) headers.set("authorization", o.authorization);
  return { rawBody: o.rawBody ?? VECTOR.body, headers, url: "https://hub.example/api/webhooks/petpooja/order-status" };
};

describe("PetPooja callback verification", () => {
  it("computes the seed's sha256=<hex> signature", () => {
    expect(petpoojaSignature(VECTOR.secret, VECTOR.body)).toBe(EXPECTED);
    expect(EXPECTED).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it("valid: accepts the signed body", () => {
    expect(petpoojaWebhooks.verify(request(), [VECTOR.secret])).toBe(true);
  });

  it("invalid: wrong secret, no secrets, missing header, malformed header", () => {
    expect(petpoojaWebhooks.verify(request(), ["another-secret"])).toBe(false);
    expect(petpoojaWebhooks.verify(request(), [])).toBe(false);
    expect(petpoojaWebhooks.verify(request(), [""])).toBe(false);
    expect(petpoojaWebhooks.verify(request({ signature: null }), [VECTOR.secret])).toBe(false);
    expect(petpoojaWebhooks.verify(request({ signature: EXPECTED.slice("sha256=".length) }), [VECTOR.secret])).toBe(false);
    expect(petpoojaWebhooks.verify(request({ signature: EXPECTED.toUpperCase() }), [VECTOR.secret])).toBe(false);
  });

  it("tampered: one changed byte in the body fails", () => {
    expect(petpoojaWebhooks.verify(request({ rawBody: VECTOR.body.replace("CONFIRMED", "CANCELLED") }), [VECTOR.secret])).toBe(false);
    expect(petpoojaWebhooks.verify(request({ rawBody: `${VECTOR.body} ` }), [VECTOR.secret])).toBe(false);
  });

  it("rotation: either of two secrets verifies", () => {
    expect(petpoojaWebhooks.verify(request(), ["new-secret-after-rotation", VECTOR.secret])).toBe(true);
    const signedWithNew = request({ signature: petpoojaSignature("new-secret-after-rotation", VECTOR.body) });
    expect(petpoojaWebhooks.verify(signedWithNew, ["new-secret-after-rotation", VECTOR.secret])).toBe(true);
    expect(petpoojaWebhooks.verify(signedWithNew, [VECTOR.secret])).toBe(false);
  });

  it("static bearer header (ref §2.4) by default, and not when only HMAC is enabled", () => {
    const bearer = request({ signature: null, authorization: `Bearer ${VECTOR.secret}` });
    expect(petpoojaWebhooks.verify(bearer, ["x", VECTOR.secret])).toBe(true);
    expect(petpoojaWebhooks.verify(request({ signature: null, authorization: "Bearer nope" }), [VECTOR.secret])).toBe(false);
    expect(createPetpoojaWebhooks({ schemes: ["hmac_sha256"] }).verify(bearer, [VECTOR.secret])).toBe(false);
    expect(createPetpoojaWebhooks({ schemes: ["bearer"] }).verify(request(), [VECTOR.secret])).toBe(false);
  });
});

describe("PetPooja callback parsing", () => {
  it("seed 002 order-status → order_status with our order id", () => {
    const [e] = petpoojaWebhooks.parse(VECTOR.body);
    expect(e).toEqual({ kind: "order_status", eventId: petpoojaEventId(VECTOR.body), posOrderId: "12345", vendorState: "CONFIRMED", status: "confirmed", occurredAt: new Date("2024-01-15T10:30:00Z") });
  });

  it("real callback codes (ref §2.4), cancel reason kept in vendorState, stable event ids", () => {
    const body = JSON.stringify({ restID: "fakerest01", orderID: "ord-1", status: "-1", cancel_reason: "Out of stock", minimum_prep_time: 20, rider_name: "", is_modified: "No" });
    const [e] = petpoojaWebhooks.parse(body);
    expect(e).toMatchObject({ kind: "order_status", posOrderId: "ord-1", status: "cancelled", vendorState: "-1 (Out of stock)" });
    expect(petpoojaWebhooks.parse(body)[0]?.eventId).toBe(e?.eventId);
    const ready = petpoojaWebhooks.parse(JSON.stringify({ restID: "fakerest01", orderID: "ord-1", status: "5" }))[0];
    expect(ready).toMatchObject({ status: "ready", vendorState: "5" });
    expect(ready?.eventId).not.toBe(e?.eventId);
    expect(petpoojaWebhooks.parse(JSON.stringify({ orderID: "x", status: "10" }))[0]).toMatchObject({ status: "delivered" });
    expect(petpoojaWebhooks.parse(JSON.stringify({ orderID: "x", status: "4" }))[0]).toMatchObject({ status: "out_for_delivery" });
    expect(petpoojaWebhooks.parse(JSON.stringify({ orderID: "x", status: "2" }))[0]).toMatchObject({ status: "confirmed" });
  });

  it("prefers clientOrderID over orderID when PetPooja sends both", () => {
    expect(petpoojaWebhooks.parse(JSON.stringify({ orderID: "26", clientOrderID: "ours-1", status: "1" }))[0]).toMatchObject({ posOrderId: "ours-1" });
  });

  it("menu-update and a pushed menu → menu_changed", () => {
    expect(petpoojaWebhooks.parse(JSON.stringify({ restaurant_id: "rest_123", items_updated: ["item_1"], timestamp: "2024-01-15T10:30:00Z" }))[0]).toMatchObject({ kind: "menu_changed" });
    expect(petpoojaWebhooks.parse(JSON.stringify({ success: "1", restaurants: [], categories: [], items: [] }))[0]).toMatchObject({ kind: "menu_changed" });
  });

  it("inventory-update and item on/off → stock_changed", () => {
    expect(petpoojaWebhooks.parse(JSON.stringify({ restaurant_id: "rest_123", item_id: "item_1", availability: false }))[0]).toMatchObject({ kind: "stock_changed", posItemId: "item_1", available: false });
    const events = petpoojaWebhooks.parse(JSON.stringify({ restID: "r", inStock: true, type: "item", itemID: { "0": "10001", "1": "10002" }, autoTurnOnTime: "" }));
    expect(events.map((e) => (e.kind === "stock_changed" ? [e.posItemId, e.available] : e.kind))).toEqual([
      ["10001", true],
      ["10002", true],
    ]);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(2);
  });

  it("unknown shapes are ignored, garbage is BAD_REQUEST", () => {
    expect(petpoojaWebhooks.parse('{"hello":1}')[0]).toMatchObject({ kind: "ignored" });
    expect(petpoojaWebhooks.parse('{"status":"1"}')[0]).toMatchObject({ kind: "ignored" });
    expect(() => petpoojaWebhooks.parse("not json")).toThrow(AppError);
    expect(() => petpoojaWebhooks.parse("[1]")).toThrow(AppError);
  });
});
