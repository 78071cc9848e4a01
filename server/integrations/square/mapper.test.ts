import { describe, expect, it } from "vitest";
import { isAppError } from "~/server/errors";
import { canonicalOrder } from "./fixtures/orders";
import { squareMetadata, squareStatusOf, toAddress, toCreateOrderRequest } from "./mapper";
import { fromSquareAmount, toSquareQuantity } from "./money";

const opts = { locationId: "L1", idempotencyKey: "key-1", prepTimeMinutes: 20 };

describe("toCreateOrderRequest", () => {
  it("maps an ad-hoc order: bigint minor units, string quantities, reference and source", () => {
    const req = toCreateOrderRequest(canonicalOrder(), opts);
    expect(req.idempotencyKey).toBe("key-1");
    expect(req.order?.locationId).toBe("L1");
    expect(req.order?.referenceId).toBe("0b7c1e52-7d2a-4d0e-9a57-6c1f3f6f0a11");
    expect(req.order?.source).toEqual({ name: "Switchboard Marketplace" });
    const line = req.order?.lineItems?.[0];
    expect(line).toMatchObject({ name: "Paneer Butter Masala", quantity: "2", note: "Extra spicy" });
    expect(line?.basePriceMoney).toEqual({ amount: 1250n, currency: "USD" });
    expect(line?.catalogObjectId).toBeUndefined();
    expect(line?.modifiers).toEqual([{ name: "Extra spicy", quantity: "1", basePriceMoney: { amount: 50n, currency: "USD" } }]);
  });

  it("sends mapped lines by variation id and lets Square's catalog price them", () => {
    const order = canonicalOrder({
      items: [
        {
          name: "Burger",
          quantity: 1,
          unitPrice: 999,
          posItemId: "ITEM1",
          posVariationId: "VAR1",
          modifiers: [
            { name: "Cheese", price: 150, quantity: 2, posModifierId: "MOD1" },
            { name: "Secret sauce", price: 25, quantity: 1 },
          ],
        },
      ],
    });
    const line = toCreateOrderRequest(order, opts).order?.lineItems?.[0];
    expect(line?.catalogObjectId).toBe("VAR1");
    expect(line?.name).toBeUndefined();
    expect(line?.basePriceMoney).toBeUndefined();
    expect(line?.modifiers).toEqual([
      { catalogObjectId: "MOD1", quantity: "2" },
      { name: "Secret sauce", quantity: "1", basePriceMoney: { amount: 25n, currency: "USD" } },
    ]);
  });

  it("treats a line with only posItemId (no variation) as ad hoc", () => {
    const order = canonicalOrder({ items: [{ name: "Soup", quantity: 1, unitPrice: 500, posItemId: "ITEM9", modifiers: [] }] });
    const line = toCreateOrderRequest(order, opts).order?.lineItems?.[0];
    expect(line?.catalogObjectId).toBeUndefined();
    expect(line?.name).toBe("Soup");
  });

  it("builds an ASAP pickup with prep time, recipient and the special instructions as the note", () => {
    const f = toCreateOrderRequest(canonicalOrder(), opts).order?.fulfillments;
    expect(f).toHaveLength(1);
    expect(f?.[0]).toMatchObject({
      type: "PICKUP",
      state: "PROPOSED",
      pickupDetails: {
        scheduleType: "ASAP",
        prepTimeDuration: "PT20M",
        note: "Ring the bell",
        recipient: { displayName: "Jane Doe", phoneNumber: "+15555550100" },
      },
    });
    // The marketplace owns the customer: no email to Square.
    expect(f?.[0]?.pickupDetails?.recipient?.emailAddress).toBeUndefined();
  });

  it("sends no customer name or phone when customer info is off", () => {
    const req = toCreateOrderRequest(canonicalOrder({ customer: null, type: "delivery", deliveryAddress: { line1: "1 Main St" } }), opts);
    const recipient = req.order?.fulfillments?.[0]?.deliveryDetails?.recipient;
    expect(recipient).toEqual({ displayName: "Switchboard Marketplace #MKT-1001" });
    expect(JSON.stringify(req, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/Jane|5555550100|Main St/);
  });

  it("maps delivery with the recipient's address", () => {
    const req = toCreateOrderRequest(
      canonicalOrder({ type: "delivery", deliveryAddress: { line1: "1 Main St", city: "Springfield", zip: "12345", country: "us" } }),
      opts,
    );
    expect(req.order?.fulfillments?.[0]).toMatchObject({
      type: "DELIVERY",
      deliveryDetails: {
        scheduleType: "ASAP",
        recipient: { displayName: "Jane Doe", address: { addressLine1: "1 Main St", locality: "Springfield", postalCode: "12345", country: "US" } },
      },
    });
  });

  it("sends dine-in as a PICKUP fulfillment so the order reaches the POS", () => {
    const f = toCreateOrderRequest(canonicalOrder({ type: "dine_in", specialInstructions: undefined }), opts).order?.fulfillments?.[0];
    expect(f?.type).toBe("PICKUP");
    expect(f?.pickupDetails?.note).toBe("Dine-in");
  });

  it("writes switchboard metadata within Square's limits", () => {
    const long = "x".repeat(400);
    const md = toCreateOrderRequest(canonicalOrder({ externalId: long }), opts).order?.metadata;
    expect(md).toEqual({ source: "switchboard", switchboard_order_id: "0b7c1e52-7d2a-4d0e-9a57-6c1f3f6f0a11", marketplace_order_id: "x".repeat(255) });
  });

  it("refuses fractional money instead of sending major units", () => {
    const order = canonicalOrder({ items: [{ name: "A", quantity: 1, unitPrice: 12.5, modifiers: [] }] });
    expect(() => toCreateOrderRequest(order, opts)).toThrow(expect.objectContaining({ code: "PROVIDER_REJECTED" }));
  });
});

describe("squareMetadata", () => {
  it("keeps at most 10 entries, drops invalid keys, cuts long values", () => {
    const entries: Record<string, string> = { "bad key": "v", ["k".repeat(61)]: "v", long: "y".repeat(300) };
    for (let i = 0; i < 12; i++) entries[`k${i}`] = String(i);
    const md = squareMetadata(entries);
    expect(Object.keys(md)).toHaveLength(10);
    expect(md["bad key"]).toBeUndefined();
    expect(md.long).toHaveLength(255);
  });
});

describe("money and quantities", () => {
  it("formats quantities as strings and rejects non-positive ones", () => {
    expect(toSquareQuantity(3)).toBe("3");
    expect(toSquareQuantity(0.5)).toBe("0.5");
    expect(toSquareQuantity(0, { allowZero: true })).toBe("0");
    try {
      toSquareQuantity(0);
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.code).toBe("PROVIDER_REJECTED");
    }
  });

  it("reads bigint and number amounts", () => {
    expect(fromSquareAmount(1599n)).toBe(1599);
    expect(fromSquareAmount(1599)).toBe(1599);
    expect(fromSquareAmount(undefined)).toBeUndefined();
  });

  it("ignores address keys it does not know and drops invalid countries", () => {
    expect(toAddress({ foo: "bar" })).toBeUndefined();
    expect(toAddress({ street: "2 Side Rd", country: "Germany" })).toEqual(expect.objectContaining({ addressLine1: "2 Side Rd", country: undefined }));
  });
});

describe("squareStatusOf", () => {
  it.each([
    [{ orderState: "OPEN", fulfillmentState: "PROPOSED" }, "placed"],
    [{ orderState: "OPEN", fulfillmentState: "RESERVED" }, "preparing"],
    [{ orderState: "OPEN", fulfillmentState: "PREPARED" }, "ready"],
    [{ orderState: "OPEN", fulfillmentState: "COMPLETED" }, "completed"],
    [{ orderState: "OPEN", fulfillmentState: "FAILED" }, "rejected"],
    [{ orderState: "CANCELED", fulfillmentState: "PREPARED" }, "cancelled"],
    [{ orderState: "COMPLETED" }, "completed"],
    [{ orderState: "OPEN" }, null],
    [{ orderState: "DRAFT", fulfillmentState: "PROPOSED" }, null],
  ] as const)("%j → %s", (input, expected) => {
    expect(squareStatusOf(input)).toBe(expected);
  });
});
