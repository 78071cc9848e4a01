/**
 * Development/e2e sandbox only. The Square fake keeps the tokens it issued in memory, so after
 * a restart every Square connection to it (the demo restaurant's included) holds a token the
 * fake no longer knows and would show "needs reconnecting". At sandbox start each live
 * connection to the fake's merchant gets a fresh token, as a reconnect would give it.
 * Never runs against real Square: only connections to the fake's own merchant id are touched.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections } from "~/db/schema";
import { sealCredentials } from "~/server/connections/credentials";
import type { FakeSquare } from "./fake";

export async function adoptSandboxConnections(db: Db, fake: FakeSquare): Promise<number> {
  const merchantId = fake.state.merchantId;
  const rows = await db
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.provider, "square"), ne(connections.status, "disconnected"), eq(connections.externalMerchantId, merchantId)));
  for (const row of rows) {
    const token = fake.issueToken();
    await db
      .update(connections)
      .set({
        ...sealCredentials(row.id, { accessToken: token.accessToken, refreshToken: token.refreshToken, expiresAt: token.expiresAt }),
        status: "active",
        // It works again: no "back online" alert from the health monitor's first check.
        health: "online",
        lastError: null,
      })
      .where(eq(connections.id, row.id));
  }
  return rows.length;
}
