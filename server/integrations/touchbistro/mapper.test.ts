import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import type { CanonicalOrder } from "../types";
import { toOrderBody, toSnapshot } from "./mapper";
import { fromDecimalString, toDecimalString } from "./money";
import { touchbistroResolvedConfigSchema } from "./provider";

const settings = touchbistroResolvedConfigSchema.parse({ partner_id: "p", location_token: "t", location_id: "loc" });

const order: CanonicalOrder = {
  id: "4f1c2d3e-0000-4000-8000-000000000001",
  externalId: "MKT-1",
  type: "delivery",
  currency: "CAD",
  items: [
    { name: "Poutine", quantity: 2, unitPrice: 1299, posItemId: "tb-item-7", modifiers: [{ name: "Extra gravy", price: 150, quantity: 1 }] },
    { name: "Pop", quantity: 1, unitPrice: 250, modifiers: [], note: "no ice" },
  ],
  customer: { name: "Jordan Lee", phone: "+14165550101" },
  deliveryAddress: { line1: "1 King St W", city: "Toronto" },
  specialInstructions: "Ring twice",
  totals: { subtotal: 3148, tax: 409, deliveryFee: 399, tip: 300, discount: 0, total: 4256 },
  placedAt: new Date("2026-11-21T18:00:00Z"),
  sourceName: "Switchboard Marketplace",
};

describe("TouchBistro money", () => {
  it("converts minor units to decimal strings at the currency's exponent and back", () => {
    expect(toDecimalString(1299, "CAD")).toBe("12.99");
    expect(toDecimalString(5, "USD")).toBe("0.05");
    expect(toDecimalString(-150, "CAD")).toBe("-1.50");
    expect(toDecimalString(1200, "JPY")).toBe("1200");
    expect(fromDecimalString("6.99", "CAD")).toBe(699);
    expect(fromDecimalString("2.0", "CAD")).toBe(200);
    expect(fromDecimalString("abc", "CAD")).toBeUndefined();
    expect(() => toDecimalString(12.5, "CAD")).toThrow(AppError);
  });
});

describe("TouchBistro mapper", () => {
  it("maps a canonical order to the bill-style partner body (decimal strings, modifiers linked by parent_id)", () => {
    const body = toOrderBody(order, settings);
    expect(body).toMatchObject({
      external_reference: order.id,
      external_order_number: "MKT-1",
      order_type: "delivery",
      currency: "CAD",
      placed_at: "2026-11-21T18:00:00.000Z",
      notes: "Ring twice",
      delivery_address: { line1: "1 King St W", city: "Toronto" },
      sub_total: "31.48",
      taxes: "4.09",
      delivery_fee: "3.99",
      tip: "3.00",
      discounts_total: "0.00",
      total: "42.56",
    });
    expect(body.order_items).toEqual([
      { uuid: `${order.id}:1`, parent_id: null, simple_modifier: false, menu_item: "Poutine", menu_item_id: "tb-item-7", quantity: "2.0", price: "12.99", total: "25.98" },
      { uuid: `${order.id}:1:1`, parent_id: `${order.id}:1`, simple_modifier: true, menu_item: "Extra gravy", quantity: "2.0", price: "1.50", total: "3.00" },
      { uuid: `${order.id}:2`, parent_id: null, simple_modifier: false, menu_item: "Pop", quantity: "1.0", price: "2.50", total: "2.50", notes: "no ice" },
    ]);
  });

  it("uses the configured order type codes and money format", () => {
    const s = touchbistroResolvedConfigSchema.parse({ partner_id: "p", location_token: "t", location_id: "loc", money_format: "minor_int", order_types: { delivery: "DELIVERY" } });
    const body = toOrderBody(order, s);
    expect(body.order_type).toBe("DELIVERY");
    expect(body.total).toBe(4256);
    expect(body.order_items[0]!.price).toBe(1299);
    expect(toOrderBody({ ...order, type: "pickup" }, settings).order_type).toBe("takeout");
  });

  it("refuses an order without items", () => {
    expect(() => toOrderBody({ ...order, items: [] }, settings)).toThrow(/at least one item/);
  });

  it("maps a partner order to a snapshot: known states, configured states, unknown states", () => {
    expect(toSnapshot({ order: { id: "5001", status: "ACCEPTED", updated_at: "2026-11-21T18:05:00Z" } }, settings, "x")).toEqual({
      posOrderId: "5001",
      status: "confirmed",
      vendorState: "ACCEPTED",
      updatedAt: new Date("2026-11-21T18:05:00Z"),
    });
    expect(toSnapshot({ order: { id: "5001", status: "COMPLETED" } }, settings, "x").status).toBe("completed");
    expect(toSnapshot({ id: 7, state: "cancelled" }, settings, "x")).toMatchObject({ posOrderId: "7", status: "cancelled" });
    expect(toSnapshot({ order: { id: "5001", status: "on_hold" } }, settings, "x")).toMatchObject({ status: null, vendorState: "on_hold" });
    const custom = touchbistroResolvedConfigSchema.parse({ partner_id: "p", location_token: "t", location_id: "loc", status_map: { On_Hold: "preparing" } });
    expect(toSnapshot({ order: { id: "5001", status: "on_hold" } }, custom, "x").status).toBe("preparing");
    expect(toSnapshot({}, settings, "req-1")).toEqual({ posOrderId: "req-1", status: null, vendorState: "" });
  });
});
