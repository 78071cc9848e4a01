import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "~/db/schema";
import { judgeTransition, TERMINAL } from "./transitions";

describe("status transition table", () => {
  it.each([
    ["placed", "confirmed", "apply"],
    ["confirmed", "ready", "apply"], // skipping a step is fine (POS may not report every step)
    ["ready", "preparing", "stale"], // a late preparing never overwrites ready
    ["out_for_delivery", "ready", "stale"],
    ["preparing", "cancelled", "apply"],
    ["placed", "rejected", "apply"],
    ["preparing", "rejected", "stale"],
    ["ready", "ready", "same"],
  ] as [OrderStatus, OrderStatus, string][])("%s → %s: %s", (from, to, verdict) => {
    expect(judgeTransition(from, to)).toBe(verdict);
  });

  it("terminal statuses never move", () => {
    for (const from of TERMINAL) {
      for (const to of ORDER_STATUSES) if (to !== from) expect(judgeTransition(from, to)).toBe("terminal");
    }
  });

  it("every non-terminal status can be cancelled", () => {
    for (const from of ORDER_STATUSES.filter((s) => !TERMINAL.has(s))) expect(judgeTransition(from, "cancelled")).toBe("apply");
  });
});
