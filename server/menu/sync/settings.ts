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
