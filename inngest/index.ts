import { heartbeat } from "./functions/heartbeat";
import { syncOrder } from "./functions/sync-order";
import { syncSweeper } from "./functions/sync-sweeper";
import { tokenRefresh } from "./functions/token-refresh";

/** Every function served at /api/inngest. */
export const functions = [heartbeat, syncOrder, syncSweeper, tokenRefresh];
