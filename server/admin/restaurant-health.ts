/**
 * The admin restaurants table: every restaurant with its live POS connections' providers,
 * worst health, worst circuit-breaker state, last sync, open sync failures and 24 h uptime —
 * filtered (provider, health, name), sorted and paginated in SQL so it holds at platform size.
 */
import { and, asc, count, desc, eq, exists, gte, ilike, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connectionHealthSamples, connections, organizations, restaurants, syncJobs } from "~/db/schema";
import { HEALTH_POLICY } from "~/server/monitoring/health-policy";

export const RESTAURANT_SORTS = ["name", "health", "lastSync", "failures", "uptime"] as const;
export type RestaurantSort = (typeof RESTAURANT_SORTS)[number];
export type RestaurantQuery = {
  provider?: string;
  health?: "online" | "degraded" | "offline" | "none";
  q?: string;
  sort: RestaurantSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  now?: Date;
};

const HEALTH_RANK = ["online", "degraded", "offline"] as const;
const CIRCUIT_RANK = ["closed", "half_open", "open"] as const;

export async function listRestaurantHealth(db: Db, q: RestaurantQuery) {
  const since = new Date((q.now ?? new Date()).getTime() - HEALTH_POLICY.uptimeWindowMs);
  const live = ne(connections.status, "disconnected");
  const conn = db
    .select({
      restaurantId: connections.restaurantId,
      providers: sql<string>`string_agg(distinct ${connections.provider}, ',')`.as("providers"),
      healthRank: sql<number>`max(case ${connections.health} when 'offline' then 2 when 'degraded' then 1 else 0 end)`.as("health_rank"),
      circuitRank: sql<number>`max(case ${connections.circuitState} when 'open' then 2 when 'half_open' then 1 else 0 end)`.as("circuit_rank"),
      needsReauth: sql<number>`count(*) filter (where ${connections.status} = 'needs_reauth')`.as("needs_reauth"),
      lastSyncAt: sql<Date | null>`max(${connections.lastSyncAt})`.as("last_sync_at"),
    })
    .from(connections)
    .where(live)
    .groupBy(connections.restaurantId)
    .as("c");
  const failures = db
    .select({ restaurantId: syncJobs.restaurantId, n: count().as("open_failures") })
    .from(syncJobs)
    .where(and(eq(syncJobs.status, "failed"), isNull(syncJobs.resolvedAt)))
    .groupBy(syncJobs.restaurantId)
    .as("f");
  const uptime = db
    .select({
      restaurantId: connections.restaurantId,
      samples: count().as("samples"),
      // health-policy.ts uptimeOf: online 1, degraded ½, offline 0.
      up: sql<number>`sum(case ${connectionHealthSamples.status} when 'online' then 1 when 'degraded' then 0.5 else 0 end)`.as("up"),
    })
    .from(connectionHealthSamples)
    .innerJoin(connections, eq(connections.id, connectionHealthSamples.connectionId))
    .where(and(live, gte(connectionHealthSamples.checkedAt, since)))
    .groupBy(connections.restaurantId)
    .as("u");

  const uptimeExpr = sql`case when ${uptime.samples} > 0 then ${uptime.up}::float / ${uptime.samples} end`;
  const failuresExpr = sql`coalesce(${failures.n}, 0)`;
  const where = and(
    q.q ? or(ilike(restaurants.name, `%${escapeLike(q.q)}%`), ilike(organizations.name, `%${escapeLike(q.q)}%`)) : undefined,
    q.provider
      ? exists(db.select({ one: sql`1` }).from(connections).where(and(eq(connections.restaurantId, restaurants.id), eq(connections.provider, q.provider), live)))
      : undefined,
    q.health === "none" ? isNull(conn.healthRank) : q.health ? eq(conn.healthRank, HEALTH_RANK.indexOf(q.health)) : undefined,
  );
  const order: Record<RestaurantSort, SQL> = {
    name: sql`${restaurants.name}`,
    health: sql`coalesce(${conn.healthRank}, -1)`,
    lastSync: sql`${conn.lastSyncAt}`,
    failures: failuresExpr,
    uptime: uptimeExpr,
  };
  const dirFn = q.dir === "asc" ? asc : desc;
  const nulls = q.dir === "asc" ? sql`nulls first` : sql`nulls last`;
  const base = () =>
    db
      .select({
        id: restaurants.id,
        name: restaurants.name,
        organizationName: organizations.name,
        isActive: restaurants.isActive,
        providers: conn.providers,
        healthRank: conn.healthRank,
        circuitRank: conn.circuitRank,
        needsReauth: conn.needsReauth,
        lastSyncAt: conn.lastSyncAt,
        openFailures: sql<number>`${failuresExpr}`.mapWith(Number),
        uptime: sql<number | null>`${uptimeExpr}`.mapWith((v) => (v == null ? null : Number(v))),
      })
      .from(restaurants)
      .innerJoin(organizations, eq(organizations.id, restaurants.organizationId))
      .leftJoin(conn, eq(conn.restaurantId, restaurants.id))
      .leftJoin(failures, eq(failures.restaurantId, restaurants.id))
      .leftJoin(uptime, eq(uptime.restaurantId, restaurants.id))
      .where(where);
  const [rows, [total]] = await Promise.all([
    base()
      .orderBy(sql`${dirFn(order[q.sort])} ${nulls}`, asc(restaurants.name), asc(restaurants.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(restaurants)
      .innerJoin(organizations, eq(organizations.id, restaurants.organizationId))
      .leftJoin(conn, eq(conn.restaurantId, restaurants.id))
      .where(where),
  ]);
  return {
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      organizationName: r.organizationName,
      isActive: r.isActive,
      providers: r.providers ? r.providers.split(",") : [],
      health: r.healthRank == null ? null : HEALTH_RANK[Number(r.healthRank)]!,
      circuitState: r.circuitRank == null ? null : CIRCUIT_RANK[Number(r.circuitRank)]!,
      needsReauth: Number(r.needsReauth ?? 0) > 0,
      lastSyncAt: r.lastSyncAt ? new Date(r.lastSyncAt) : null,
      openFailures: r.openFailures,
      uptime: r.uptime,
    })),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
