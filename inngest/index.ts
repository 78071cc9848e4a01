import { heartbeat } from "./functions/heartbeat";
import { syncOrder } from "./functions/sync-order";
import { syncSweeper } from "./functions/sync-sweeper";
import { tokenRefresh } from "./functions/token-refresh";
import { processWebhook } from "./functions/process-webhook";
import { webhookSecretExpiry } from "./functions/webhook-secret-expiry";
import { webhookSweeper } from "./functions/webhook-sweeper";
import { deliverNotifications } from "./functions/deliver-notifications";
import { orderStatusNotifications } from "./functions/order-status-notifications";
import { pollOrders } from "./functions/poll-orders";

/** Every function served at /api/inngest. */
export const functions = [heartbeat, syncOrder, syncSweeper, tokenRefresh, processWebhook, webhookSweeper, webhookSecretExpiry, deliverNotifications, orderStatusNotifications, pollOrders];
