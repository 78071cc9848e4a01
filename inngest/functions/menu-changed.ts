import { MENU_SYNC_DEBOUNCE_MAX_WAIT_SECONDS, menuSyncDebounceSeconds } from "~/server/menu/sync/settings";
import { inngest } from "../client";
import { menuChanged } from "../events";

/**
 * Menu webhooks → one menu sync per connection per quiet window (MENU_SYNC_DEBOUNCE_SECONDS):
 * Inngest runs this once with the last event of a burst; `timeout` bounds the wait when a POS
 * never stops sending. The sync itself is sync-menu's (its concurrency limit per connection).
 */
export const menuChangedDebounce = inngest.createFunction(
  {
    id: "menu-changed-debounce",
    triggers: [menuChanged],
    debounce: { key: "event.data.connectionId", period: `${menuSyncDebounceSeconds()}s`, timeout: `${MENU_SYNC_DEBOUNCE_MAX_WAIT_SECONDS}s` },
  },
  async ({ event, step }) => {
    await step.sendEvent("request-menu-sync", {
      name: "switchboard/menu.sync-requested",
      data: { connectionId: event.data.connectionId, provider: event.data.provider, trigger: "webhook", runId: null },
    });
    return { connectionId: event.data.connectionId };
  },
);
