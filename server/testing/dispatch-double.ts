/**
 * The test double for `~/server/jobs/dispatch`: records what would have gone to the jobs
 * driver instead of running it, so a test asserts on what was dispatched and runs the handler
 * itself when it wants to. Every export of the real module is here, so a new one is added once:
 *
 *   const dispatched = vi.hoisted(() => [] as DispatchedEvent[]);
 *   vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));
 */
import type * as Dispatch from "~/server/jobs/dispatch";

export type DispatchedEvent = { name: string; data: Record<string, unknown> };

export function dispatchDouble(sink?: { push(event: DispatchedEvent): unknown }): typeof Dispatch {
  const record = (event: Parameters<typeof Dispatch.dispatch>[0]) => void sink?.push(event as DispatchedEvent);
  return { dispatch: async (event) => record(event), dispatchSoon: (event) => record(event) };
}
