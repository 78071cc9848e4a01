import type { Db } from "~/db/client";
import type { connections } from "~/db/schema";
import { platformConfigOf } from "~/server/integrations/platform-config";
import { providerRuntime } from "~/server/integrations/runtime";
import type { AdapterContext } from "~/server/integrations/types";
import { freshCredentials } from "./credentials";

/** Everything an adapter call needs for one connection: where, as which app, with which (fresh) tokens. */
export async function adapterContext(
  db: Db,
  conn: typeof connections.$inferSelect,
  timeoutMs: number,
  now = new Date(),
): Promise<AdapterContext> {
  const [credentials, platformConfig] = await Promise.all([freshCredentials(db, conn, now), platformConfigOf(db, conn.provider)]);
  const rt = providerRuntime(conn.provider);
  return {
    baseUrl: rt.baseUrl,
    app: rt.app,
    credentials,
    connection: {
      id: conn.id,
      externalLocationId: conn.externalLocationId,
      externalMerchantId: conn.externalMerchantId,
      config: conn.config,
    },
    timeoutMs,
    platformConfig,
  };
}
