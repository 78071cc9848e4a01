import { env } from "~/env";

/**
 * How long menu webhooks of one connection are gathered into one sync: a burst (a seller
 * editing twenty items) is one fetch, not twenty (MENU_SYNC_DEBOUNCE_SECONDS, default 30).
 */
export function menuSyncDebounceSeconds(): number {
  return env.MENU_SYNC_DEBOUNCE_SECONDS;
}

export function menuSyncDebounceMs(): number {
  return menuSyncDebounceSeconds() * 1_000;
}

/**
 * A POS that keeps sending menu webhooks (a busy back office) must not postpone the sync for
 * ever: the burst is synced at the latest this long after its first webhook (Inngest's
 * debounce `timeout`, and the in-process driver's max wait).
 */
export const MENU_SYNC_DEBOUNCE_MAX_WAIT_SECONDS = 600;
