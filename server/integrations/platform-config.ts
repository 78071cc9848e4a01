import type { DbOrTx } from "~/db/client";
import { loadProviderLayers } from "./provider-config";

const TTL_MS = 30_000;
type Entry = { at: number; config: Record<string, unknown> | undefined };
const caches = new WeakMap<DbOrTx, Map<string, Entry>>();

/**
 * A provider's admin-set defaults, read at most every 30 s per process: every order push needs
 * them, and an admin's edit taking half a minute to apply is fine.
 */
export async function platformConfigOf(db: DbOrTx, provider: string, now = Date.now()) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(provider);
  if (hit && now - hit.at < TTL_MS) return hit.config;
  const layers = await loadProviderLayers(db, provider);
  const config = (layers.global ?? undefined) as Record<string, unknown> | undefined;
  cache.set(provider, { at: now, config });
  return config;
}

/** After an admin edit in this process: the next push reads the new defaults. */
export function forgetPlatformConfig(db: DbOrTx, provider: string) {
  caches.get(db)?.delete(provider);
}
