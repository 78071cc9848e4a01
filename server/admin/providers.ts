import { count, gte, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, syncJobs, webhookEvents } from "~/db/schema";
import { listProviders } from "~/server/integrations/registry";
import { providerRuntime } from "~/server/integrations/runtime";
import { pollingMetrics } from "~/server/polling/metrics";

const byProvider = <T extends { provider: string | null }>(rows: T[]) => new Map(rows.map((r) => [r.provider ?? "", r]));

/**
 * Every installed provider with how it is reached (sandbox or vendor URL) and its last-24 h
 * health: connections by status, order pushes, webhook calls and, for polling providers, polls.
 */
export async function providerOverview(db: Db, now = new Date()) {
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const [conns, pushes, hooks, polls] = await Promise.all([
    db
      .select({
        provider: connections.provider,
        active: sql<number>`count(*) filter (where ${connections.status} = 'active')`.mapWith(Number),
        needsReauth: sql<number>`count(*) filter (where ${connections.status} = 'needs_reauth')`.mapWith(Number),
      })
      .from(connections)
      .groupBy(connections.provider),
    db
      .select({
        provider: syncJobs.provider,
        total: count(),
        success: sql<number>`count(*) filter (where ${syncJobs.status} = 'success')`.mapWith(Number),
        failed: sql<number>`count(*) filter (where ${syncJobs.status} = 'failed')`.mapWith(Number),
      })
      .from(syncJobs)
      .where(gte(syncJobs.createdAt, since))
      .groupBy(syncJobs.provider),
    db
      .select({
        provider: webhookEvents.provider,
        total: count(),
        rejected: sql<number>`count(*) filter (where ${webhookEvents.signatureValid} = false)`.mapWith(Number),
      })
      .from(webhookEvents)
      .where(gte(webhookEvents.receivedAt, since))
      .groupBy(webhookEvents.provider),
    pollingMetrics(db, since),
  ]);
  const [c, p, h, pl] = [byProvider(conns), byProvider(pushes), byProvider(hooks), byProvider(polls)];
  return listProviders().map(({ metadata: m }) => {
    const rt = providerRuntime(m.id);
    return {
      id: m.id,
      name: m.name,
      statusMode: m.statusMode,
      authMode: m.auth.mode,
      sandbox: rt.sandbox,
      baseUrl: rt.baseUrl,
      connections: { active: c.get(m.id)?.active ?? 0, needsReauth: c.get(m.id)?.needsReauth ?? 0 },
      pushes24h: { total: p.get(m.id)?.total ?? 0, success: p.get(m.id)?.success ?? 0, failed: p.get(m.id)?.failed ?? 0 },
      webhooks24h: { total: h.get(m.id)?.total ?? 0, rejected: h.get(m.id)?.rejected ?? 0 },
      polls24h: pl.get(m.id) ?? null,
    };
  });
}
