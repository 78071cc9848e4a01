import { and, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connectionHealthSamples } from "~/db/schema";
import { HEALTH_POLICY, uptimeOf } from "./health-policy";

export type UptimeCounts = { online: number; degraded: number; offline: number; uptime: number | null };

const n = (status: string) => sql<number>`count(*) filter (where ${connectionHealthSamples.status} = ${status})`.mapWith(Number);

/** Per connection: health samples in the window and the uptime they give (health-policy.ts). */
export async function uptimeByConnection(
  db: Db,
  connectionIds: string[],
  opts: { now?: Date; windowMs?: number } = {},
): Promise<Map<string, UptimeCounts>> {
  const out = new Map<string, UptimeCounts>();
  if (!connectionIds.length) return out;
  const since = new Date((opts.now ?? new Date()).getTime() - (opts.windowMs ?? HEALTH_POLICY.uptimeWindowMs));
  const rows = await db
    .select({ connectionId: connectionHealthSamples.connectionId, online: n("online"), degraded: n("degraded"), offline: n("offline") })
    .from(connectionHealthSamples)
    .where(and(inArray(connectionHealthSamples.connectionId, connectionIds), gte(connectionHealthSamples.checkedAt, since)))
    .groupBy(connectionHealthSamples.connectionId);
  for (const { connectionId, ...c } of rows) out.set(connectionId, { ...c, uptime: uptimeOf(c) });
  return out;
}
