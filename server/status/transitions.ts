import type { OrderStatus } from "~/db/schema";

/**
 * Where an order can go from where it is (seed 002 STATUS_MAPPING, DESIGN.md "Webhooks in").
 * Forward only along the kitchen's path, so a late or re-delivered `preparing` never
 * overwrites `ready`; cancelled / rejected / delivered / completed are terminal.
 */
const STAGE: Record<OrderStatus, number> = {
  placed: 0,
  confirmed: 1,
  preparing: 2,
  ready: 3,
  out_for_delivery: 4,
  delivered: 5,
  completed: 5,
  cancelled: 9,
  rejected: 9,
};

export const TERMINAL: ReadonlySet<OrderStatus> = new Set(["delivered", "completed", "cancelled", "rejected"]);

export type TransitionVerdict = "apply" | "same" | "stale" | "terminal";

export function judgeTransition(from: OrderStatus, to: OrderStatus): TransitionVerdict {
  if (from === to) return "same";
  if (TERMINAL.has(from)) return "terminal";
  // A kitchen can refuse an order only before it starts cooking it.
  if (to === "rejected") return STAGE[from] <= STAGE.confirmed ? "apply" : "stale";
  if (to === "cancelled") return "apply";
  return STAGE[to] > STAGE[from] ? "apply" : "stale";
}
