import { and, eq, isNotNull, lt } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections } from "~/db/schema";
import { logger } from "~/server/logger";
import { freshCredentials, REFRESH_WINDOW_MS } from "./credentials";

/** Hourly: refresh every active connection whose token expires within the refresh window. */
export async function refreshDueTokens(db: Db, now = new Date()) {
  const due = await db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.status, "active"),
        isNotNull(connections.tokenExpiresAt),
        lt(connections.tokenExpiresAt, new Date(now.getTime() + REFRESH_WINDOW_MS)),
      ),
    );
  let refreshed = 0;
  for (const conn of due) {
    try {
      await freshCredentials(db, conn, now);
      refreshed++;
    } catch (error) {
      // freshCredentials already moved an auth failure to needs_reauth; others retry next hour.
      logger.warn("connection.refresh_failed", { connectionId: conn.id, provider: conn.provider, error });
    }
  }
  return { due: due.length, refreshed };
}
