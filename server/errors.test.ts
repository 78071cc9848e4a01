import { describe, expect, it } from "vitest";
import { AppError, ERROR_TABLE, httpStatusOf, jobBehaviourOf, trpcCodeOf } from "./errors";

describe("error table", () => {
  it("maps every code to a real HTTP status, tRPC code and job behaviour", () => {
    for (const [code, row] of Object.entries(ERROR_TABLE)) {
      const e = new AppError(code as keyof typeof ERROR_TABLE, "x");
      expect(httpStatusOf(e)).toBe(row.http);
      expect(trpcCodeOf(e)).toBe(row.trpc);
      expect(jobBehaviourOf(e)).toBe(row.jobs);
    }
  });

  it("classifies the order-sync error classes the way seed 001 asks", () => {
    expect(jobBehaviourOf(new AppError("PROVIDER_AUTH", "401"))).toBe("no_retry");
    expect(jobBehaviourOf(new AppError("PROVIDER_REJECTED", "400"))).toBe("no_retry");
    expect(jobBehaviourOf(new AppError("RATE_LIMITED", "429", { retryAfterMs: 5000 }))).toBe("retry_after");
    expect(jobBehaviourOf(new AppError("PROVIDER_UNAVAILABLE", "503"))).toBe("retry");
  });

  it("treats unknown errors as internal and retryable", () => {
    expect(httpStatusOf(new Error("boom"))).toBe(500);
    expect(jobBehaviourOf(new TypeError("boom"))).toBe("retry");
  });
});
