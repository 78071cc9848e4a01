import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "~/db/client";
import { apiKeys, users } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";
import { AppError } from "~/server/errors";
import { generateApiKey } from "./key-format";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "Keep the name under 100 characters"),
});

export const revokeApiKeySchema = z.object({ id: z.uuid() });

/**
 * What anyone may see about a key. Selected column by column so the hash can never leak
 * through a `select *` added later.
 */
const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  createdByName: users.name,
};

function selectSummaries(db: DbOrTx) {
  return db.select(summaryColumns).from(apiKeys).leftJoin(users, eq(users.id, apiKeys.createdBy));
}

export type ApiKeySummary = Awaited<ReturnType<typeof listApiKeys>>[number];

/** Newest first, revoked ones included so the seller can see what was turned off and when. */
export function listApiKeys(db: DbOrTx, organizationId: string) {
  return selectSummaries(db).where(eq(apiKeys.organizationId, organizationId)).orderBy(desc(apiKeys.createdAt));
}

async function findSummary(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await selectSummaries(db).where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, organizationId)));
  return row;
}

/** Creates a key and returns its plaintext: the only time it exists outside the caller's hands. */
export async function createApiKey(
  db: Db,
  input: { organizationId: string; actorUserId: string; name: string },
): Promise<{ key: ApiKeySummary; plaintext: string }> {
  const { plaintext, prefix, hash } = generateApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ organizationId: input.organizationId, name: input.name, prefix, keyHash: hash, createdBy: input.actorUserId })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, {
      action: "api_key.created",
      actorUserId: input.actorUserId,
      organizationId: input.organizationId,
      targetType: "api_key",
      targetId: row!.id,
      metadata: { name: input.name, prefix },
    });
    return { key: (await findSummary(tx, input.organizationId, row!.id))!, plaintext };
  });
}

/**
 * Revokes a key of the caller's organization. Another tenant's key is NOT_FOUND, so ids
 * cannot be probed; revoking twice is a no-op that keeps the first timestamp.
 */
export async function revokeApiKey(
  db: Db,
  input: { organizationId: string; actorUserId: string; id: string },
): Promise<ApiKeySummary> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, input.id), eq(apiKeys.organizationId, input.organizationId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    if (revoked) {
      await recordAudit(tx, {
        action: "api_key.revoked",
        actorUserId: input.actorUserId,
        organizationId: input.organizationId,
        targetType: "api_key",
        targetId: revoked.id,
        metadata: { name: revoked.name, prefix: revoked.prefix },
      });
    }
    const summary = await findSummary(tx, input.organizationId, input.id);
    if (!summary) throw new AppError("NOT_FOUND", "API key not found");
    return summary;
  });
}
