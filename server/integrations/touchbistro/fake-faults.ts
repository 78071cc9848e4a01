/**
 * Fault injection for the TouchBistro fake (same contract as ../petpooja/fake-faults.ts). A status
 * fault answers instead of TouchBistro (the request is NOT processed); a delay fault processes the
 * request and answers late: "timed out after TouchBistro created the order".
 * Targets: "POST /api/v1/partner/locations/*" (prefix), "GET *", an exact path, or "*".
 */
import { defaultFaultText, FaultQueue, retryAfterHeaders, type FaultControl } from "../fake-kit/fault-queue";

export type FakeTouchbistroFault = (
  | { status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 502 | 503; retryAfterSeconds?: number; code?: string; message?: string }
  | { delayMs: number }
) & FaultControl;

/** The shared fault queue, typed with this fake's faults. */
export class TouchbistroFaultQueue extends FaultQueue<FakeTouchbistroFault> {}

/** Error bodies in the fake's error shape `{error:{code, message}}` (TouchBistro's is [U]). */
export function faultBody(fault: Extract<FakeTouchbistroFault, { status: number }>): { status: number; json: unknown; headers?: Record<string, string> } {
  const [code, fallback] = defaultFaultText(fault.status);
  const message = fault.status === 401 ? "Invalid authentication token." : fallback;
  return {
    status: fault.status,
    json: { error: { code: fault.code ?? code, message: fault.message ?? message } },
    ...retryAfterHeaders(fault),
  };
}
