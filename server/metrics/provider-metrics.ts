import { countDistinct, ne } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections } from "~/db/schema";
import { listProviders } from "~/server/integrations/registry";
import { loadWindowHours, type HourRow } from "./hourly";
import type { RangeWindow } from "./range";

const rate = (ok: number, total: number) => (total ? ok / total : null);

/**
 * Per-provider figures over a window (seed 000 ncrAlohaMetrics / touchBistroMetrics):
 * - restaurants: distinct restaurants with a live (not disconnected) connection, now;
 * - orders: orders of the window whose push went (or waits) to that provider;
 * - uptime: share of health samples (written by the health monitor) whose status was `online`;
 * - webhooks: processed / (processed + failed + rejected); `received`, `ignored` and `unmatched`
 *   calls are neither a success nor a failure of the provider's delivery;
 * - polling: polls that succeeded / polls made (`poll_runs`).
 * Rates are null when there is nothing to divide.
 */
export async function providerMetrics(db: Db, w: Pick<RangeWindow, "from" | "to">, hours?: HourRow[]) {
  const [conns, rows] = await Promise.all([
    db.select({ provider: connections.provider, restaurants: countDistinct(connections.restaurantId) }).from(connections).where(ne(connections.status, "disconnected")).groupBy(connections.provider),
    hours ?? loadWindowHours(db, w, "none").then((r) => r.rows),
  ]);
  const restaurants = new Map(conns.map((c) => [c.provider, c.restaurants]));
  const sum = new Map<string, Omit<HourRow, "bucket" | "provider" | "currency">>();
  for (const r of rows) {
    const s = sum.get(r.provider) ?? { orders: 0, revenue: 0, synced: 0, failed: 0, healthSamples: 0, healthOnline: 0, webhooksTotal: 0, webhooksProcessed: 0, webhooksFailed: 0, polled: 0, pollsSucceeded: 0 };
    for (const k of Object.keys(s) as (keyof typeof s)[]) s[k] += r[k];
    sum.set(r.provider, s);
  }
  return listProviders().map(({ metadata: m }) => {
    const s = sum.get(m.id);
    const v = (k: keyof NonNullable<typeof s>) => s?.[k] ?? 0;
    return {
      id: m.id,
      name: m.name,
      statusMode: m.statusMode,
      restaurants: restaurants.get(m.id) ?? 0,
      orders: v("orders"),
      sync: { synced: v("synced"), failed: v("failed"), successRate: rate(v("synced"), v("synced") + v("failed")) },
      uptime: { samples: v("healthSamples"), online: v("healthOnline"), rate: rate(v("healthOnline"), v("healthSamples")) },
      webhooks: { total: v("webhooksTotal"), processed: v("webhooksProcessed"), failed: v("webhooksFailed"), successRate: rate(v("webhooksProcessed"), v("webhooksProcessed") + v("webhooksFailed")) },
      polling: { polled: v("polled"), succeeded: v("pollsSucceeded"), failed: v("polled") - v("pollsSucceeded"), successRate: rate(v("pollsSucceeded"), v("polled")) },
    };
  });
}
