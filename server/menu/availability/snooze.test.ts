import { describe, expect, it } from "vitest";
import { effectiveAvailability, endOfLocalDay, resolveSnooze } from "./snooze";

describe("snooze semantics", () => {
  it("rest of today ends at the restaurant's next local midnight, in any time zone", () => {
    const now = new Date("2026-03-10T20:30:00Z");
    // 21:30 in London (GMT), next midnight 00:00 GMT = 2026-03-11T00:00Z
    expect(endOfLocalDay(now, "Europe/London").toISOString()).toBe("2026-03-11T00:00:00.000Z");
    // 02:00 on the 11th in Kolkata (+05:30): midnight of the 12th local = 2026-03-11T18:30Z
    expect(endOfLocalDay(now, "Asia/Kolkata").toISOString()).toBe("2026-03-11T18:30:00.000Z");
    // 13:30 in Los Angeles (PDT since 8 March, -07:00): midnight = 2026-03-11T07:00Z
    expect(endOfLocalDay(now, "America/Los_Angeles").toISOString()).toBe("2026-03-11T07:00:00.000Z");
    expect(endOfLocalDay(now, "UTC").toISOString()).toBe("2026-03-11T00:00:00.000Z");
  });

  it("rest of today is DST-safe (the night the clocks change)", () => {
    // New York, 7 March 2026 22:00 EST (-05:00); DST starts 8 March 02:00, so midnight is still EST.
    expect(endOfLocalDay(new Date("2026-03-08T03:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    // Autumn: Sat 24 Oct 2026 22:00 BST (+01:00); clocks go back at 02:00 on the 25th, so midnight is BST.
    expect(endOfLocalDay(new Date("2026-10-24T21:00:00Z"), "Europe/London").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    // The day after, GMT again: 25 Oct 22:00 GMT → midnight 2026-10-26T00:00Z.
    expect(endOfLocalDay(new Date("2026-10-25T22:00:00Z"), "Europe/London").toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("for N minutes, until a time, indefinitely, and back on", () => {
    const now = new Date("2026-05-01T12:00:00Z");
    const opts = { now, timeZone: "UTC" };
    expect(resolveSnooze({ kind: "for", minutes: 60 }, opts)).toEqual({ available: false, snoozedUntil: new Date("2026-05-01T13:00:00Z") });
    expect(resolveSnooze({ kind: "until", until: new Date("2026-05-02T09:00:00Z") }, opts)).toEqual({ available: false, snoozedUntil: new Date("2026-05-02T09:00:00Z") });
    expect(resolveSnooze({ kind: "indefinitely" }, opts)).toEqual({ available: false, snoozedUntil: null });
    expect(resolveSnooze({ kind: "available" }, opts)).toEqual({ available: true, snoozedUntil: null });
    expect(() => resolveSnooze({ kind: "until", until: new Date("2026-05-01T11:00:00Z") }, opts)).toThrow(/future/);
  });

  it("an expired snooze reads as available before the expiry job runs; indefinite stays off", () => {
    const until = new Date("2026-05-01T13:00:00Z");
    expect(effectiveAvailability({ available: false, snoozedUntil: until }, new Date("2026-05-01T12:59:59Z"))).toEqual({ available: false, snoozedUntil: until });
    expect(effectiveAvailability({ available: false, snoozedUntil: until }, until)).toEqual({ available: true, snoozedUntil: null });
    expect(effectiveAvailability({ available: false, snoozedUntil: null }, new Date("2099-01-01"))).toEqual({ available: false, snoozedUntil: null });
  });
});
