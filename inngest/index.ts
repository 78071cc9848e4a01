import { heartbeat } from "./functions/heartbeat";
import { syncOrder } from "./functions/sync-order";
import { syncSweeper } from "./functions/sync-sweeper";
import { tokenRefresh } from "./functions/token-refresh";
import { processWebhook } from "./functions/process-webhook";
import { webhookSecretExpiry } from "./functions/webhook-secret-expiry";
import { activityRetention } from "./functions/activity-retention";
import { webhookSweeper } from "./functions/webhook-sweeper";
import { deliverNotifications } from "./functions/deliver-notifications";
import { orderStatusNotifications } from "./functions/order-status-notifications";
import { pollOrders } from "./functions/poll-orders";
import { pushAvailability } from "./functions/push-availability";
import { snoozeExpiry } from "./functions/snooze-expiry";
import { availabilityPushSweeper } from "./functions/availability-push-sweeper";
import { syncMenu } from "./functions/sync-menu";
import { menuChangedDebounce } from "./functions/menu-changed";
import { menuNightlySync } from "./functions/menu-nightly-sync";
import { healthMonitor } from "./functions/health-monitor";
import { metricsRollup } from "./functions/metrics-rollup";

/** Every function served at /api/inngest. */
export const functions = [heartbeat, syncOrder, syncSweeper, tokenRefresh, processWebhook, webhookSweeper, webhookSecretExpiry, activityRetention, deliverNotifications, orderStatusNotifications, pollOrders, pushAvailability, snoozeExpiry, availabilityPushSweeper, syncMenu, menuChangedDebounce, menuNightlySync, healthMonitor, metricsRollup];
