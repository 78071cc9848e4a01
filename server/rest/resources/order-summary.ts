import type { orders, syncJobs } from "~/db/schema";
import type { OrderSummaryResource } from "../schemas";

/** An order as the intake endpoint answers it. */
export function toOrderSummary(o: typeof orders.$inferSelect, job: typeof syncJobs.$inferSelect | null): OrderSummaryResource {
  return {
    id: o.id,
    external_id: o.externalId,
    status: o.status,
    sync_status: job?.status ?? null,
    total: o.totalAmount,
    currency: o.currency,
    created_at: o.createdAt.toISOString(),
  };
}
