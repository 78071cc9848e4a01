import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./redirect";

describe("safeCallbackUrl", () => {
  it.each([
    ["/orders", "/orders"],
    ["/admin/audit?x=1", "/admin/audit?x=1"],
    ["https://evil.example/x", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/api/auth/signout", "/"],
    ["/sign-in", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, out) => {
    expect(safeCallbackUrl(input)).toBe(out);
  });
});
