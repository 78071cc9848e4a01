import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, CIRCUIT, gate } from "./circuit-breaker";

const t0 = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("circuit breaker", () => {
  it("opens after 3 consecutive failures and blocks for 5 minutes", () => {
    let b = afterSuccess();
    b = afterFailure(b, t0);
    b = afterFailure(b, t0);
    expect(b.circuitState).toBe("closed");
    expect(gate(b, t0)).toEqual({ allowed: true, probe: false });
    b = afterFailure(b, t0);
    expect(b.circuitState).toBe("open");
    expect(gate(b, at(CIRCUIT.openMs - 1))).toEqual({ allowed: false, retryAt: at(CIRCUIT.openMs) });
  });

  it("lets one probe through after the window; a failed probe reopens at once", () => {
    const open = { circuitState: "open" as const, circuitOpenedAt: t0, consecutiveFailures: 3 };
    expect(gate(open, at(CIRCUIT.openMs))).toEqual({ allowed: true, probe: true });
    const halfOpen = { ...open, circuitState: "half_open" as const };
    expect(gate(halfOpen, at(CIRCUIT.openMs)).allowed).toBe(false);
    const reopened = afterFailure(halfOpen, at(CIRCUIT.openMs));
    expect(reopened).toMatchObject({ circuitState: "open", circuitOpenedAt: at(CIRCUIT.openMs) });
  });

  it("a success closes it and resets the count", () => {
    expect(afterSuccess()).toEqual({ circuitState: "closed", circuitOpenedAt: null, consecutiveFailures: 0 });
  });
});
