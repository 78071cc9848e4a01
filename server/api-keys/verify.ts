import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "~/db/client";
import { apiKeys } from "~/db/schema";
import { logger } from "~/server/logger";
import { hashApiKey, isWellFormedApiKey } from "./key-format";

/** lastUsedAt is for humans ("used 3 minutes ago"): one write a minute per key is plenty. */
const TOUCH_INTERVAL_MS = 60_000;

export type VerifiedApiKey = { organizationId: string; apiKeyId: string };

/**
 * The organization a presented key acts for, or null when the key is malformed, unknown or
 * revoked. The lookup is by hash through a unique index: timing reveals nothing about any
 * stored key, because an attacker cannot choose hashes.
 */
export async function verifyApiKey(db: Db, presented: string, now = new Date()): Promise<VerifiedApiKey | null> {
  const key = presented.trim();
  if (!isWellFormedApiKey(key)) return null;
  const row = await db.query.apiKeys.findFirst({
    where: eq(apiKeys.keyHash, hashApiKey(key)),
    columns: { id: true, organizationId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touch(db, row.id, now);
  }
  return { organizationId: row.organizationId, apiKeyId: row.id };
}

async function touch(db: Db, id: string, now: Date) {
  const staleBefore = new Date(now.getTime() - TOUCH_INTERVAL_MS);
  try {
    // Conditional, so a burst of concurrent requests writes the row once, not once each.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
  } catch (error) {
    // Usage bookkeeping must never turn a valid key into a failed request.
    // Logged as `keyId`: the logger masks any field named like "apiKey".
    logger.warn("api_key.touch_failed", { keyId: id, error });
  }
}
