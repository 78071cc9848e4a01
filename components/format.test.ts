import { describe, expect, it } from "vitest";
import { formatMoney, timeAgo } from "./format";

describe("formatMoney", () => {
  it("uses each currency's minor-unit exponent", () => {
    expect(formatMoney(30000, "INR")).toBe("₹300.00");
    expect(formatMoney(1299, "USD")).toBe("$12.99");
    expect(formatMoney(500, "JPY")).toBe("¥500"); // zero-decimal currency
    expect(formatMoney(1234, "KWD").replace(/\s/g, " ")).toBe("KWD 1.234"); // three decimals
  });
});

describe("timeAgo", () => {
  it("reads naturally", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(timeAgo(new Date("2026-01-01T11:57:00Z"), now)).toBe("3 minutes ago");
    expect(timeAgo(new Date("2025-12-31T12:00:00Z"), now)).toBe("yesterday");
    expect(timeAgo(now, now)).toBe("now");
  });
});
