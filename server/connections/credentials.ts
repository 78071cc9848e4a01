import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client";
import { connections } from "~/db/schema";
import type { Credentials, TokenSet } from "~/server/integrations/types";
import { AppError, isAppError } from "~/server/errors";
import { getProvider } from "~/server/integrations/registry";
import { providerRuntime } from "~/server/integrations/runtime";
import { logger } from "~/server/logger";
import { open, seal } from "~/server/vault/vault";
import { markNeedsReauth } from "./status";

type Row = typeof connections.$inferSelect;

/**
 * Refresh this long before expiry. Square recommends refreshing at least every 7 days
 * (https://developer.squareup.com/docs/oauth-api/refresh-revoke-limit-scope).
 */
export const REFRESH_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const context = (connectionId: string) => `connection:${connectionId}`;

export function readCredentials(row: Pick<Row, "id" | "credentialsCiphertext" | "credentialsKeyId">): Credentials {
  if (!row.credentialsCiphertext || !row.credentialsKeyId) return {};
  const raw = open<Credentials & { expiresAt?: string }>(
    { ciphertext: row.credentialsCiphertext, keyId: row.credentialsKeyId },
    context(row.id),
  );
  return { ...raw, expiresAt: raw.expiresAt ? new Date(raw.expiresAt) : undefined };
}

export function sealCredentials(connectionId: string, creds: Credentials) {
  const sealed = seal(creds, context(connectionId));
  return {
    credentialsCiphertext: sealed.ciphertext,
    credentialsKeyId: sealed.keyId,
    tokenExpiresAt: creds.expiresAt ?? null,
  };
}

export function tokensToCredentials(t: TokenSet, previous?: Credentials): Credentials {
  return { ...previous, accessToken: t.accessToken, refreshToken: t.refreshToken ?? previous?.refreshToken, expiresAt: t.expiresAt };
}

const dueForRefresh = (c: Credentials, now: Date) =>
  !!c.refreshToken && !!c.expiresAt && c.expiresAt.getTime() - now.getTime() < REFRESH_WINDOW_MS;

/**
 * Credentials for a call, refreshed first when they expire soon. The refresh runs under a
 * row lock on the connection and re-checks after taking it, so two workers never both spend
 * a refresh token (single-use for some vendors). An auth failure marks the connection
 * needs_reauth and tells the seller.
 */
export async function freshCredentials(db: Db, row: Row, now = new Date()): Promise<Credentials> {
  const current = readCredentials(row);
  if (!dueForRefresh(current, now)) return current;
  const provider = getProvider(row.provider);
  if (!provider.oauth) return current;
  try {
    return await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(connections).where(eq(connections.id, row.id)).for("update");
      if (!locked) throw new AppError("NOT_FOUND", "Connection disappeared");
      const latest = readCredentials(locked);
      if (!dueForRefresh(latest, now)) return latest; // another worker refreshed while we waited
      const rt = providerRuntime(row.provider);
      const tokens = await provider.oauth!.refreshToken({
        refreshToken: latest.refreshToken!,
        app: rt.app,
        baseUrl: rt.baseUrl,
        timeoutMs: 10_000,
      });
      const next = tokensToCredentials(tokens, latest);
      await tx.update(connections).set(sealCredentials(row.id, next)).where(eq(connections.id, row.id));
      logger.info("connection.token_refreshed", { connectionId: row.id, provider: row.provider });
      return next;
    });
  } catch (e) {
    if (isAppError(e) && e.code === "PROVIDER_AUTH") await markNeedsReauth(db, row, e.message);
    throw e;
  }
}

export async function saveCredentials(db: DbOrTx, connectionId: string, creds: Credentials) {
  await db.update(connections).set(sealCredentials(connectionId, creds)).where(eq(connections.id, connectionId));
}
