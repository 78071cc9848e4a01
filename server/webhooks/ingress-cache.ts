/**
 * A short-lived, per-process cache of what every webhook call looks up before it can verify:
 * the connection a sender names and that connection's valid secrets (decrypted). Under a burst
 * of status callbacks from one restaurant these are the same few rows thousands of times a
 * minute; without the cache each call costs two queries and a vault decrypt before the one
 * insert that matters (bench/webhook-ingest.ts).
 *
 * Staleness is bounded and safe:
 * - secrets carry their `expires_at` and are filtered at use time, so a retired secret stops
 *   verifying the moment its grace window ends, cache or not;
 * - a NEW secret (rotation on another instance) is found because a failed verification against
 *   cached secrets looks again in the database before rejecting (`fresh`);
 * - a disconnect on another instance is seen within TTL_MS; processing re-reads the connection
 *   anyway, and this process forgets at once (`forgetConnection`).
 */
import type { Db } from "~/db/client";
import type { ParsedWebhookEvent } from "~/server/integrations/types";
import { connectionForEvents, liveConnectionById, type Connection } from "./routing";
import { validWebhookSecretRows, type ValidSecret } from "./secrets";

const TTL_MS = 10_000;
/** Bounds memory if a sender sprays random merchant ids. */
const MAX_ENTRIES = 5_000;

type Entry<T> = { value: T; at: number };

class TtlCache<T> {
  private readonly map = new Map<string, Entry<T>>();
  get(key: string, now: number): T | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (now - hit.at > TTL_MS) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }
  set(key: string, value: T, now: number) {
    if (this.map.size >= MAX_ENTRIES) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { value, at: now });
  }
  deleteWhere(match: (value: T, key: string) => boolean) {
    for (const [key, entry] of this.map) if (match(entry.value, key)) this.map.delete(key);
  }
  clear() {
    this.map.clear();
  }
}

const g = globalThis as { __switchboardIngressCache?: { connections: TtlCache<Connection | null>; secrets: TtlCache<ValidSecret[]> } };
const caches = (g.__switchboardIngressCache ??= { connections: new TtlCache(), secrets: new TtlCache() });

/** Connection lookups are cached per database handle: tests run several databases in one process. */
const dbIds = new WeakMap<Db, number>();
let nextDbId = 0;
const dbKey = (db: Db) => {
  let id = dbIds.get(db);
  if (id === undefined) dbIds.set(db, (id = nextDbId++));
  return id;
};

export type Lookup<T> = { value: T; cached: boolean };

export async function cachedConnectionById(db: Db, provider: string, id: string, now = Date.now()): Promise<Lookup<Connection | null>> {
  return memo(caches.connections, `${dbKey(db)}|id|${provider}|${id}`, now, () => liveConnectionById(db, provider, id));
}

export async function cachedConnectionForEvents(db: Db, provider: string, events: ParsedWebhookEvent[], now = Date.now()): Promise<Lookup<Connection | null>> {
  const merchantId = events.find((e) => e.merchantId)?.merchantId ?? "";
  const locationId = events.find((e) => e.locationId)?.locationId ?? "";
  if (!merchantId && !locationId) return { value: null, cached: false };
  return memo(caches.connections, `${dbKey(db)}|sender|${provider}|${merchantId}|${locationId}`, now, () => connectionForEvents(db, provider, events));
}

/** Plaintext secrets valid at `now`, newest first. */
export async function cachedSecrets(db: Db, connectionId: string, now: Date): Promise<Lookup<string[]>> {
  const { value, cached } = await memo(caches.secrets, `${dbKey(db)}|${connectionId}`, now.getTime(), () => validWebhookSecretRows(db, connectionId, now));
  return { value: value.filter((s) => !s.expiresAt || s.expiresAt > now).map((s) => s.secret), cached };
}

/** After a rotation or disconnect in this process: the next call reads the database. */
export function forgetConnection(connectionId: string) {
  caches.secrets.deleteWhere((_v, key) => key.endsWith(`|${connectionId}`));
  caches.connections.deleteWhere((conn) => conn?.id === connectionId);
}

export function clearIngressCache() {
  caches.connections.clear();
  caches.secrets.clear();
}

async function memo<T>(cache: TtlCache<T>, key: string, now: number, load: () => Promise<T>): Promise<Lookup<T>> {
  const hit = cache.get(key, now);
  if (hit !== undefined) return { value: hit, cached: true };
  const value = await load();
  // Misses are not remembered: a connection made a second ago must be found at once.
  if (value !== null) cache.set(key, value, now);
  return { value, cached: false };
}
