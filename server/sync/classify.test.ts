import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { classifyError, retryDelayMs } from "./classify";

describe("classifyError", () => {
  it.each([
    [new AppError("PROVIDER_AUTH", "401"), "needs_reauth", "auth"],
    [new AppError("PROVIDER_REJECTED", "400"), "failed", "validation"],
    [new AppError("RATE_LIMITED", "429", { retryAfterMs: 7000 }), "retry", "rate_limited"],
    [new AppError("PROVIDER_UNAVAILABLE", "timeout"), "retry", "unavailable"],
    [new TypeError("bug"), "retry", "internal"],
  ])("%s → %s/%s", (err, next, errorClass) => {
    expect(classifyError(err)).toMatchObject({ next, errorClass });
  });

});

describe("retryDelayMs", () => {
  const interval = 300_000;
  it("uses the fixed schedule for transient failures", () => {
    expect(retryDelayMs(classifyError(new AppError("PROVIDER_UNAVAILABLE", "x")), 4, interval)).toBe(interval);
  });
  it("honours Retry-After and backs off exponentially past it", () => {
    const c = classifyError(new AppError("RATE_LIMITED", "x", { retryAfterMs: 7000 }));
    expect(retryDelayMs(c, 0, interval, () => 0)).toBe(7000);
    expect(retryDelayMs(c, 5, interval, () => 0)).toBe(32_000);
    expect(retryDelayMs(c, 30, interval, () => 0)).toBe(interval);
  });
});
