import type { FakeFault, FaultQueue } from "./fake-faults";
import type { FakeResponse } from "./fake-http";
import type { FakeSquareState } from "./fake-types";

/**
 * Test-only control plane of the fake (never part of Square's API), so a browser e2e run or a
 * person poking the sandbox can break and heal "Square" from outside the server process:
 *   POST   /__fake/faults  {"target":"POST /v2/orders","fault":{"status":503},"sticky":true}
 *   DELETE /__fake/faults
 *   GET    /__fake/state   → counts of orders and payments
 *   POST   /__fake/orders/{id}/advance {"state":"PREPARED"} → the kitchen moves the order (signed webhooks go out)
 */
export async function fakeControl(
  method: string,
  path: string,
  json: unknown,
  state: FakeSquareState,
  faults: FaultQueue,
  advance: (orderId: string, fulfillmentState: string) => Promise<{ statuses: number[] }>,
): Promise<FakeResponse | null> {
  const advanceMatch = /^\/__fake\/orders\/([^/]+)\/advance$/.exec(path);
  if (advanceMatch && method === "POST") {
    const target = (json as { state?: unknown } | undefined)?.state;
    if (typeof target !== "string" || !state.orders.has(decodeURIComponent(advanceMatch[1]!))) {
      return { status: 400, json: { error: "a known order id and a fulfillment state are required" } };
    }
    const { statuses } = await advance(decodeURIComponent(advanceMatch[1]!), target);
    return { status: 200, json: { webhook_statuses: statuses } };
  }
  if (path === "/__fake/faults" && method === "POST") {
    const body = json as { target?: unknown; fault?: FakeFault; sticky?: boolean } | undefined;
    if (typeof body?.target !== "string" || !body.fault) return { status: 400, json: { error: "target and fault are required" } };
    faults.next(body.target, { ...body.fault, ...(body.sticky ? { times: Infinity } : {}) });
    return { status: 200, json: { pending: faults.pending } };
  }
  if (path === "/__fake/faults" && method === "DELETE") {
    faults.clear();
    return { status: 200, json: { pending: 0 } };
  }
  if (path === "/__fake/state" && method === "GET") {
    return { status: 200, json: { orders: state.orders.size, payments: state.payments.size, order_ids: [...state.orders.keys()] } };
  }
  return null;
}
