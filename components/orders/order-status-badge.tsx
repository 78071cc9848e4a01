import type { OrderStatus } from "~/db/schema";
import { Badge } from "~/components/ui/badge";

const TONE: Record<OrderStatus, "neutral" | "success" | "warning" | "danger" | "info"> = {
  placed: "info",
  confirmed: "info",
  preparing: "warning",
  ready: "success",
  out_for_delivery: "info",
  delivered: "neutral",
  completed: "neutral",
  cancelled: "danger",
  rejected: "danger",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={TONE[status]}>{status.replaceAll("_", " ")}</Badge>;
}
