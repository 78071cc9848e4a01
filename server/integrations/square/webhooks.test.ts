import { describe, expect, it } from "vitest";
import { SQUARE_SIGNATURE_HEADER, squareSignature } from "./signature";
import { squareWebhooks } from "./webhooks";

// Test vector from ../shared/reference §1.4.
const VECTOR = {
  key: "sig-key-123",
  url: "https://example.com/webhooks/square",
  body: '{"merchant_id":"M1","type":"order.updated","event_id":"e1"}',
  signature: "EAPOmbUAeO1eLvmV3/zZbSchGpJKA5ITLj8nnH/aDHc=",
};

const request = (overrides: { rawBody?: string; url?: string; signature?: string | null } = {}) => {
  const headers = new Headers();
  const sig = overrides.signature === undefined ? VECTOR.signature : overrides.signature;
  if (sig !== null) headers.set(SQUARE_SIGNATURE_HEADER, sig);
  return { rawBody: overrides.rawBody ?? VECTOR.body, url: overrides.url ?? VECTOR.url, headers };
};

describe("Square webhook verification", () => {
  it("computes the reference test vector", () => {
    expect(squareSignature(VECTOR.key, VECTOR.url, VECTOR.body)).toBe(VECTOR.signature);
  });

  it("accepts the vector and rejects a wrong key", () => {
    expect(squareWebhooks.verify(request(), [VECTOR.key])).toBe(true);
    expect(squareWebhooks.verify(request(), ["other-key"])).toBe(false);
    expect(squareWebhooks.verify(request(), [])).toBe(false);
  });

  it("accepts either key during a rotation", () => {
    expect(squareWebhooks.verify(request(), ["new-key", VECTOR.key])).toBe(true);
    expect(squareWebhooks.verify(request(), [VECTOR.key, "new-key"])).toBe(true);
    const signedWithNew = squareSignature("new-key", VECTOR.url, VECTOR.body);
    expect(squareWebhooks.verify(request({ signature: signedWithNew }), [VECTOR.key, "new-key"])).toBe(true);
  });

  it("rejects a tampered body, another URL, a bad or missing header", () => {
    expect(squareWebhooks.verify(request({ rawBody: VECTOR.body.replace("e1", "e2") }), [VECTOR.key])).toBe(false);
    expect(squareWebhooks.verify(request({ rawBody: `${VECTOR.body} ` }), [VECTOR.key])).toBe(false);
    expect(squareWebhooks.verify(request({ url: `${VECTOR.url}/` }), [VECTOR.key])).toBe(false);
    expect(squareWebhooks.verify(request({ signature: VECTOR.signature.replace("E", "F") }), [VECTOR.key])).toBe(false);
    expect(squareWebhooks.verify(request({ signature: VECTOR.signature.slice(0, -1) }), [VECTOR.key])).toBe(false);
    expect(squareWebhooks.verify(request({ signature: `${VECTOR.signature}!` }), [VECTOR.key])).toBe(false);
    expect(squareWebhooks.verify(request({ signature: null }), [VECTOR.key])).toBe(false);
  });
});

const envelope = (type: string, object: Record<string, unknown>, id = "ORDER1") =>
  JSON.stringify({ merchant_id: "M1", type, event_id: `evt-${type}`, created_at: "2020-04-16T23:14:26.359Z", data: { type: "order", id, object } });

describe("Square webhook parsing", () => {
  it("parses the official order.updated example", () => {
    const body = JSON.stringify({
      merchant_id: "5S9MXCS9Y99KK",
      type: "order.updated",
      event_id: "4b8e5c91-9f17-4cf1-900a-4a0629f81add",
      created_at: "2020-04-16T23:14:26.359Z",
      data: {
        type: "order",
        id: "eA3vssLHKJrv9H0IdJCM3gNqfdcZY",
        object: { order_updated: { created_at: "2020-04-16T23:14:26.129Z", location_id: "FPYCBCHYMXFK1", order_id: "eA3vssLHKJrv9H0IdJCM3gNqfdcZY", state: "OPEN", updated_at: "2020-04-16T23:14:26.359Z", version: 2 } },
      },
    });
    expect(squareWebhooks.parse(body)).toEqual([
      {
        kind: "order_status",
        eventId: "4b8e5c91-9f17-4cf1-900a-4a0629f81add",
        posOrderId: "eA3vssLHKJrv9H0IdJCM3gNqfdcZY",
        vendorState: "OPEN",
        status: null,
        occurredAt: new Date("2020-04-16T23:14:26.359Z"),
        // Routing for the ingress: Square posts every merchant's events to one URL.
        merchantId: "5S9MXCS9Y99KK",
        locationId: "FPYCBCHYMXFK1",
      },
    ]);
  });

  it("maps order.updated CANCELED and order.created", () => {
    expect(squareWebhooks.parse(envelope("order.updated", { order_updated: { order_id: "O2", state: "CANCELED" } }))[0]).toMatchObject({ posOrderId: "O2", status: "cancelled", vendorState: "CANCELED" });
    expect(squareWebhooks.parse(envelope("order.created", { order_created: { order_id: "O3", state: "OPEN" } }))[0]).toMatchObject({ kind: "order_status", posOrderId: "O3", eventId: "evt-order.created" });
  });

  it("maps order.fulfillment.updated by the last new_state", () => {
    const body = envelope("order.fulfillment.updated", {
      order_fulfillment_updated: {
        order_id: "O4",
        state: "OPEN",
        version: 3,
        fulfillment_update: [
          { fulfillment_uid: "F1", old_state: "PROPOSED", new_state: "RESERVED" },
          { fulfillment_uid: "F1", old_state: "RESERVED", new_state: "PREPARED" },
        ],
      },
    });
    expect(squareWebhooks.parse(body)).toEqual([expect.objectContaining({ kind: "order_status", posOrderId: "O4", status: "ready", vendorState: "OPEN/PREPARED" })]);
  });

  it("maps catalog, inventory and revocation events", () => {
    expect(squareWebhooks.parse(envelope("catalog.version.updated", { catalog_version: { updated_at: "2020-01-01T00:00:00Z" } }))).toEqual([
      { kind: "menu_changed", eventId: "evt-catalog.version.updated", occurredAt: new Date("2020-04-16T23:14:26.359Z"), merchantId: "M1" },
    ]);
    const inventory = envelope("inventory.count.updated", {
      inventory_counts: [
        { catalog_object_id: "VAR1", catalog_object_type: "ITEM_VARIATION", state: "IN_STOCK", location_id: "L1", quantity: "0" },
        { catalog_object_id: "VAR2", catalog_object_type: "ITEM_VARIATION", state: "IN_STOCK", location_id: "L1", quantity: "4" },
        { catalog_object_id: "VAR3", catalog_object_type: "ITEM_VARIATION", state: "SOLD", location_id: "L1", quantity: "9" },
      ],
    });
    expect(squareWebhooks.parse(inventory)).toEqual([
      expect.objectContaining({ kind: "stock_changed", posItemId: "VAR1", available: false, eventId: "evt-inventory.count.updated#0" }),
      expect.objectContaining({ kind: "stock_changed", posItemId: "VAR2", available: true, eventId: "evt-inventory.count.updated#1" }),
    ]);
    expect(squareWebhooks.parse(envelope("oauth.authorization.revoked", { revocation: { revoker_type: "MERCHANT" } }))).toEqual([
      expect.objectContaining({ kind: "auth_revoked", merchantId: "M1" }),
    ]);
  });

  it("ignores other events and rejects bodies that are not Square events", () => {
    expect(squareWebhooks.parse(envelope("payment.updated", {}))).toEqual([
      // Dated by the signed created_at, so the ingress can refuse a stale one without parsing again.
      { kind: "ignored", eventId: "evt-payment.updated", type: "payment.updated", merchantId: "M1", occurredAt: new Date("2020-04-16T23:14:26.359Z") },
    ]);
    expect(() => squareWebhooks.parse("{not json")).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect(() => squareWebhooks.parse('{"hello":"world"}')).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
  });
});
