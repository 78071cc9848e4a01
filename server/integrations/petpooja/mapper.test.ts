import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { ADDON_MAPPING, rupeeOrder } from "./fixtures/orders";
import { localDateTime, ORDER_TYPE_MAPPING, toSaveOrderBody } from "./mapper";
import { fromRupees, toRupees } from "./money";
import { petpoojaResolvedConfigSchema, type PetpoojaSettings } from "./provider";
import { petpoojaStatusOf } from "./status-map";

const settings = (over: Partial<Record<string, unknown>> = {}): PetpoojaSettings =>
  petpoojaResolvedConfigSchema.parse({ app_key: "k", app_secret: "s", access_token: "t", restID: "rest1", addon_mapping: ADDON_MAPPING, ...over });

function rejected(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a rejection");
}

describe("money", () => {
  it("paise → rupee strings and back", () => {
    expect(toRupees(14000)).toBe("140.00");
    expect(toRupees(4550)).toBe("45.50");
    expect(toRupees(5)).toBe("0.05");
    expect(toRupees(0)).toBe("0.00");
    expect(toRupees(-250)).toBe("-2.50");
    expect(fromRupees("140.00")).toBe(14000);
    expect(fromRupees("45")).toBe(4500);
    expect(fromRupees("2.5")).toBe(250);
    expect(fromRupees(65.52)).toBe(6552);
    expect(fromRupees("abc")).toBeUndefined();
    expect(() => toRupees(12.5)).toThrow(AppError);
  });
});

describe("toSaveOrderBody", () => {
  it("builds the reference body: casing, sections, rupee strings, add-ons under AddonItem.details", () => {
    const body = toSaveOrderBody(rupeeOrder(), { settings: settings({ callback_url: "https://hub.example/cb", tax: { id: "11213", title: "GST", type: "P", rate: "5" } }) });
    expect(Object.keys(body)).toEqual(["app_key", "app_secret", "access_token", "orderinfo", "udid", "device_type"]);
    expect(body).toMatchObject({ app_key: "k", app_secret: "s", access_token: "t", udid: "", device_type: "Web" });
    const info = body.orderinfo.OrderInfo;
    expect(info.Restaurant.details.restID).toBe("rest1");
    expect(info.Customer?.details).toEqual({
      email: "priya@example.com",
      name: "Priya Raman",
      address: "12 Residency Road, Bengaluru, 560025",
      phone: "+919800000001",
      latitude: "12.9716",
      longitude: "77.5946",
    });
    expect(info.Order.details).toMatchObject({
      orderID: "0b7c1e52-7d2a-4d0e-9a57-6c1f3f6f0a11",
      order_type: "H",
      // 10:30 UTC = 16:00 IST
      preorder_date: "2026-01-15",
      preorder_time: "16:00:00",
      created_on: "2026-01-15 16:00:00",
      advanced_order: "N",
      urgent_order: false,
      payment_type: "PAID",
      collect_cash: "0",
      total: "902.00",
      tax_total: "42.00",
      discount_total: "20.00",
      discount_type: "F",
      delivery_charges: "40.00",
      service_charge: "0",
      sc_tax_amount: "0",
      dc_tax_amount: "0",
      pc_tax_amount: "0",
      enable_delivery: 1,
      min_prep_time: 20,
      callback_url: "https://hub.example/cb",
    });
    const [paneer, bread] = info.OrderItem.details;
    expect(paneer).toMatchObject({ id: "10001", name: "Paneer Butter Masala", price: "290.00", final_price: "290.00", item_discount: "0", quantity: "2", item_tax: [], description: "Less oil", variation_id: "" });
    expect(paneer?.AddonItem.details).toEqual([{ id: "50001", name: "Mojito", group_name: "Add Beverage", price: "60.00", group_id: 40001, quantity: "1" }]);
    expect(typeof paneer?.AddonItem.details[0]?.group_id).toBe("number");
    expect(bread).toMatchObject({ id: "20001", variation_id: "30001", price: "140.00", AddonItem: { details: [] } });
    expect(info.Tax.details).toEqual([{ id: "11213", title: "GST", type: "P", price: "5", tax: "42.00", restaurant_liable_amt: "0.00" }]);
    expect(info.Discount.details).toEqual([{ id: "", title: "Discount", type: "F", price: "20.00" }]);
  });

  it.each([
    ["dine_in", "D"],
    ["pickup", "P"],
    ["delivery", "H"],
  ] as const)("order type %s → %s", (type, letter) => {
    expect(ORDER_TYPE_MAPPING[type]).toBe(letter);
    const body = toSaveOrderBody(rupeeOrder({ type, ...(type === "delivery" ? {} : { deliveryAddress: undefined }) }), { settings: settings() });
    expect(body.orderinfo.OrderInfo.Order.details.order_type).toBe(letter);
  });

  it("omits Customer when customer sync is off (pickup), and COD collects the total", () => {
    const body = toSaveOrderBody(rupeeOrder({ type: "pickup", customer: null, deliveryAddress: undefined }), { settings: settings({ payment_type: "COD" }) });
    expect(body.orderinfo.OrderInfo.Customer).toBeUndefined();
    expect(body.orderinfo.OrderInfo.Order.details).toMatchObject({ payment_type: "COD", collect_cash: "902.00" });
  });

  it("udid/device_type inside orderinfo when configured; external id as orderID", () => {
    const body = toSaveOrderBody(rupeeOrder(), { settings: settings({ udid_placement: "orderinfo", device_type: "WebClient", order_id_source: "external_id" }) });
    expect(body.udid).toBeUndefined();
    expect(body.orderinfo).toMatchObject({ udid: "", device_type: "WebClient" });
    expect(body.orderinfo.OrderInfo.Order.details.orderID).toBe("MKT-IN-1001");
  });

  it("names every missing required field (unmapped dish, unmapped add-on, phone, address)", () => {
    const order = rupeeOrder({
      customer: { name: "Priya Raman" },
      deliveryAddress: undefined,
      items: [{ name: "Masala Dosa", quantity: 1, unitPrice: 12000, modifiers: [{ name: "Extra chutney", price: 1000, quantity: 1 }] }],
    });
    const err = rejected(() => toSaveOrderBody(order, { settings: settings() }));
    expect(err.code).toBe("PROVIDER_REJECTED");
    expect(err.message).toContain('OrderItem.details[0].id (dish "Masala Dosa" is not mapped to a PetPooja item)');
    expect(err.message).toContain('OrderItem.details[0].AddonItem.details[0].id and group_id (add-on "Extra chutney" is not mapped');
    expect(err.message).toContain("Customer.details.phone (customer_phone)");
    expect(err.message).toContain("Customer.details.address (customer_address)");
    expect(err.details?.missing).toHaveLength(4);
  });

  it("an add-on given by posModifierId (<group_id>:<id>) still needs its group_name", () => {
    const order = rupeeOrder();
    order.items[0]!.modifiers = [{ name: "Lassi", price: 5000, quantity: 1, posModifierId: "40001:50009" }];
    expect(rejected(() => toSaveOrderBody(order, { settings: settings() })).message).toContain('AddonItem.details[0].group_name (add-on "Lassi"');
    const mapped = toSaveOrderBody(order, { settings: settings({ addon_mapping: { Lassi: { id: "x", group_id: 1, group_name: "Drinks" } } }) });
    expect(mapped.orderinfo.OrderInfo.OrderItem.details[0]?.AddonItem.details[0]).toMatchObject({ id: "50009", group_id: 40001, group_name: "Drinks" });
  });

  it("a delivery without customer details is rejected; an order without items too", () => {
    expect(rejected(() => toSaveOrderBody(rupeeOrder({ customer: null }), { settings: settings() })).message).toContain("Customer.details (a home delivery needs the customer");
    expect(rejected(() => toSaveOrderBody(rupeeOrder({ items: [] }), { settings: settings() })).message).toContain("OrderItem.details (items)");
  });

  it("refuses non-INR orders and fractional money", () => {
    expect(rejected(() => toSaveOrderBody(rupeeOrder({ currency: "USD" }), { settings: settings() })).details?.vendorCode).toBe("UNSUPPORTED_CURRENCY");
    const bad = rupeeOrder();
    bad.items[0]!.unitPrice = 290.5;
    expect(rejected(() => toSaveOrderBody(bad, { settings: settings() })).message).toContain("OrderItem.details[0].price");
  });

  it("formats local time in the configured zone", () => {
    expect(localDateTime(new Date("2026-01-15T20:00:00Z"), "Asia/Kolkata")).toEqual({ date: "2026-01-16", time: "01:30:00" });
  });
});

describe("status mapping", () => {
  it.each([
    ["-1", "cancelled"],
    ["1", "confirmed"],
    ["2", "confirmed"],
    ["3", "confirmed"],
    ["4", "out_for_delivery"],
    ["5", "ready"],
    ["10", "delivered"],
    ["CONFIRMED", "confirmed"],
    ["preparing", "preparing"],
    ["READY", "ready"],
    ["DISPATCHED", "out_for_delivery"],
    ["DELIVERED", "delivered"],
    ["CANCELLED", "cancelled"],
    ["REJECTED", "rejected"],
  ])("%s → %s", (raw, status) => {
    expect(petpoojaStatusOf(raw)).toBe(status);
  });

  it("unknown codes map to null (status left unchanged)", () => {
    expect(petpoojaStatusOf("7")).toBeNull();
    expect(petpoojaStatusOf("toString")).toBeNull();
    expect(petpoojaStatusOf(undefined)).toBeNull();
    expect(petpoojaStatusOf(5)).toBe("ready");
  });
});
