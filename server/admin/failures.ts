/**
 * Failed-sync triage (like Deliverect's operation reports): the open failures — sync jobs that
 * ended `failed` and nobody marked resolved — grouped by provider and error class, and the
 * drill-down list behind each group. Reads the partial index sync_jobs_open_failures_idx.
 */
import { and, asc, count, desc, eq, inArray, isNull, max, min, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import { orders, restaurants, syncJobs } from "~/db/schema";
import { explainSyncError } from "~/components/sync/explain-error";
import { getProvider, isProviderId } from "~/server/integrations/registry";

export type FailureFilter = { provider?: string; errorClass?: string; restaurantId?: string };

/** Bulk actions take at most this many jobs per request. */
export const BULK_LIMIT = 500;

export const posName = (provider: string | null) => (provider && isProviderId(provider) ? getProvider(provider).metadata.name : (provider ?? "the POS"));

export function openFailureWhere(f: FailureFilter): SQL {
  return and(
    eq(syncJobs.status, "failed"),
    isNull(syncJobs.resolvedAt),
    f.provider ? eq(syncJobs.provider, f.provider) : undefined,
    f.errorClass ? eq(syncJobs.lastErrorClass, f.errorClass) : undefined,
    f.restaurantId ? eq(syncJobs.restaurantId, f.restaurantId) : undefined,
  )!;
}

const sqlCountDistinctRestaurants = sql<number>`count(distinct ${syncJobs.restaurantId})`.mapWith(Number);

/** Open failures per provider × error class, with a plain-language cause, count, oldest and newest. */
export async function failureGroups(db: Db, f: FailureFilter) {
  const rows = await db
    .select({
      provider: syncJobs.provider,
      errorClass: syncJobs.lastErrorClass,
      count: count(),
      restaurants: sqlCountDistinctRestaurants,
      oldest: min(syncJobs.updatedAt),
      newest: max(syncJobs.updatedAt),
      sampleMessage: max(syncJobs.lastErrorMessage),
    })
    .from(syncJobs)
    .where(openFailureWhere(f))
    .groupBy(syncJobs.provider, syncJobs.lastErrorClass)
    .orderBy(desc(count()));
  return rows.map((r) => ({
    ...r,
    providerName: posName(r.provider),
    cause: explainSyncError(r.errorClass, r.sampleMessage, posName(r.provider)) ?? "Unknown error",
  }));
}


/** The drill-down: open failures matching the filter, oldest first (they have waited longest). */
export async function listOpenFailures(db: Db, f: FailureFilter & { limit: number; offset: number }) {
  const where = openFailureWhere(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: syncJobs.id,
        orderId: syncJobs.orderId,
        externalId: orders.externalId,
        restaurantId: syncJobs.restaurantId,
        restaurantName: restaurants.name,
        provider: syncJobs.provider,
        errorClass: syncJobs.lastErrorClass,
        errorMessage: syncJobs.lastErrorMessage,
        retryCount: syncJobs.retryCount,
        failedAt: syncJobs.updatedAt,
      })
      .from(syncJobs)
      .innerJoin(orders, eq(orders.id, syncJobs.orderId))
      .innerJoin(restaurants, eq(restaurants.id, syncJobs.restaurantId))
      .where(where)
      .orderBy(asc(syncJobs.updatedAt), asc(syncJobs.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(syncJobs).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({ ...r, cause: explainSyncError(r.errorClass, r.errorMessage, posName(r.provider)) ?? r.errorMessage })),
  };
}

/** Ids of the open failures matching a filter, capped at BULK_LIMIT: what a bulk action works on. */
export async function openFailureIds(db: Db, f: FailureFilter) {
  const where = openFailureWhere(f);
  const [rows, [total]] = await Promise.all([
    db.select({ id: syncJobs.id }).from(syncJobs).where(where).orderBy(asc(syncJobs.updatedAt), asc(syncJobs.id)).limit(BULK_LIMIT),
    db.select({ n: count() }).from(syncJobs).where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: total?.n ?? 0, limit: BULK_LIMIT };
}

/** Where a set of jobs stands now: the page polls this while a bulk retry runs. */
export async function jobProgress(db: Db, ids: string[]) {
  const rows = await db.select({ status: syncJobs.status, n: count() }).from(syncJobs).where(inArray(syncJobs.id, ids)).groupBy(syncJobs.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<(typeof rows)[number]["status"], number>>;
  return { success: by.success ?? 0, failed: by.failed ?? 0, inFlight: (by.pending ?? 0) + (by.syncing ?? 0) + (by.retry ?? 0), total: ids.length };
}
