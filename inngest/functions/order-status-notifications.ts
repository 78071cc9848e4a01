import { getDb } from "~/db";
import type { OrderStatus } from "~/db/schema";
import { enqueueStatusNotifications } from "~/server/notifications/status-messages";
import { inngest } from "../client";
import { orderStatusChanged } from "../events";

/**
 * An order's status moved: queue the customer's messages (pending rows the
 * deliver-notifications cron sends). One run per order at a time keeps a fast
 * confirmed → ready → out_for_delivery burst in order.
 */
export const orderStatusNotifications = inngest.createFunction(
  {
    id: "order-status-notifications",
    triggers: [orderStatusChanged],
    concurrency: [{ key: "event.data.orderId", limit: 1 }],
    retries: 3,
  },
  async ({ event, step }) =>
    step.run("enqueue-status-notifications", async () =>
      enqueueStatusNotifications(await getDb(), event.data.orderId, event.data.to as OrderStatus),
    ),
);
