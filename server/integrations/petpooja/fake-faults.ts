/**
 * Fault injection for the PetPooja fake (same contract as ../square/fake-faults.ts). A status
 * fault answers instead of PetPooja (the request is NOT processed); a delay fault processes the
 * request and answers late: "timed out after PetPooja saved the order".
 * Targets are matched against the path WITHOUT the stage prefix: "POST /save_order",
 * "/update_order_status" (any method), "/mapped_*" (prefix) or "*".
 */
import { defaultFaultText, FaultQueue, retryAfterHeaders, type FaultControl } from "../fake-kit/fault-queue";

export type FakePetpoojaFault = (
  | { status: 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503; retryAfterSeconds?: number; errorCode?: string; message?: string }
  | { delayMs: number }
) & FaultControl;

/** The shared fault queue, typed with this fake's faults. */
export class PetpoojaFaultQueue extends FaultQueue<FakePetpoojaFault> {}

/** Error bodies in PetPooja's failure shape `{success:"0", message, errorCode}` [ref §2.2]; codes are the fake's own. */
export function faultBody(fault: Extract<FakePetpoojaFault, { status: number }>): { status: number; json: unknown; headers?: Record<string, string> } {
  const [code, fallback] = defaultFaultText(fault.status);
  const message = fault.status === 401 ? "Invalid app_key, app_secret or access_token." : fallback;
  return {
    status: fault.status,
    json: { success: "0", message: fault.message ?? message, errorCode: fault.errorCode ?? code },
    ...retryAfterHeaders(fault),
  };
}
