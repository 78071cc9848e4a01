/**
 * Admin overview and stats queries at scale: seeds 1,000 restaurants, 100,000 orders (with their
 * sync jobs) and 1,000,000 sync attempts over 30 days with set-based SQL (generate_series), plus
 * webhook events, health samples and poll runs, then times each query repeatedly.
 *
 *   npx tsx bench/admin-stats.ts                                  # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/admin-stats.ts
 *   BENCH_RUNS=30 BENCH_RESTAURANTS=1000 BENCH_ORDERS=100000 BENCH_ATTEMPTS_PER_ORDER=10 …
 *
 * Goal: p95 < 100 ms for every query on 2 cores. The hourly rollup (server/metrics/rollup.ts) is
 * backfilled after seeding, as the metrics-rollup schedule would; the current hour stays live.
 */
import { configureBenchEnv } from "./bench-env";

const RESTAURANTS = Number(process.env.BENCH_RESTAURANTS ?? 1000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const ATTEMPTS_PER_ORDER = Number(process.env.BENCH_ATTEMPTS_PER_ORDER ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const benchEnv = await configureBenchEnv("warn");
const { getDb, migrateConfiguredDb, dbDriver } = await import("~/db");
const { sql } = await import("drizzle-orm");
const { platformMetrics } = await import("~/server/metrics/platform-metrics");
const { providerMetrics } = await import("~/server/metrics/provider-metrics");
const { rangeWindow } = await import("~/server/metrics/range");
const { sellerOverview } = await import("~/server/metrics/seller-overview");
const { syncStats } = await import("~/server/sync/queries");
const { refreshMetricsRollups } = await import("~/server/metrics/rollup");

await migrateConfiguredDb();
const db = await getDb();

async function seed() {
  const t0 = performance.now();
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  await run(sql`insert into users (email, name, password_hash) values ('bench-owner@bench.dev', 'Bench', 'x')`);
  await run(sql`insert into organizations (name, slug) select 'Bench org ' || g, 'bench-org-' || g from generate_series(1, ${Math.ceil(RESTAURANTS / 10)}) g`);
  await run(sql`
    insert into restaurants (organization_id, name, currency)
    select o.id, 'Bench restaurant ' || g, case when g % 5 = 0 then 'EUR' else 'USD' end
    from generate_series(1, ${RESTAURANTS}) g
    join (select id, row_number() over (order by slug) as n from organizations) o on o.n = ((g - 1) / 10) + 1`);
  await run(sql`
    insert into connections (organization_id, restaurant_id, provider, status, external_location_id)
    select organization_id, id, (array['square','touchbistro','petpooja'])[1 + (row_number() over (order by id)) % 3],
           case when random() < 0.05 then 'needs_reauth' else 'active' end, 'L1'
    from restaurants`);
  // Orders spread over 30 days; one sync job each (90% success, 7% failed, the rest open).
  await run(sql`
    with r as (select id, organization_id, currency, row_number() over (order by id) as n from restaurants),
    g as (select g, now() - (random() * interval '30 days') as at from generate_series(1, ${ORDERS}) g)
    insert into orders (organization_id, restaurant_id, external_id, type, currency, subtotal_amount, total_amount, customer_name, placed_at, created_at)
    select r.organization_id, r.id, 'bench-' || g.g, 'delivery', r.currency, 1000 + (g.g % 5000), 1200 + (g.g % 5000), 'Bench', g.at, g.at
    from g join r on r.n = 1 + (g.g % ${RESTAURANTS})`);
  await run(sql`
    insert into sync_jobs (organization_id, restaurant_id, order_id, connection_id, provider, status, idempotency_key, max_retries, completed_at, created_at)
    select o.organization_id, o.restaurant_id, o.id, c.id, c.provider, s.status, 'sb-' || o.id, 12,
           case when s.status in ('success','failed') then o.placed_at + (200 + random() * 3000) * interval '1 millisecond' end, o.created_at
    from orders o join connections c on c.restaurant_id = o.restaurant_id
    cross join lateral (select case when random() < 0.9 then 'success' when random() < 0.7 then 'failed' else 'retry' end as status) s`);
  await run(sql`
    insert into sync_attempts (job_id, attempt_number, started_at, duration_ms, outcome, http_status)
    select j.id, a, j.created_at + a * interval '1 second', 100 + (a * 37) % 900,
           case when a = ${ATTEMPTS_PER_ORDER} and j.status = 'success' then 'success' else 'retry' end, 200
    from sync_jobs j cross join generate_series(1, ${ATTEMPTS_PER_ORDER}) a`);
  // Health samples every 30 min per connection for 30 days would be 1.4 M; every 2 h is enough load here.
  await run(sql`
    insert into connection_health_samples (connection_id, provider, checked_at, ok, latency_ms, status)
    select c.id, c.provider, now() - h * interval '2 hours', s.ok, 50, case when s.ok then 'online' else 'offline' end
    from connections c cross join generate_series(0, 359) h cross join lateral (select random() < 0.97 as ok) s`);
  await run(sql`
    insert into webhook_events (provider, signature_valid, raw_body, status, received_at)
    select (array['square','petpooja'])[1 + g % 2], true, '{}', (array['processed','processed','processed','failed','rejected','ignored'])[1 + g % 6],
           now() - random() * interval '30 days'
    from generate_series(1, 100000) g`);
  await run(sql`
    insert into poll_runs (provider, connection_id, started_at, polled, succeeded, failed)
    select 'touchbistro', c.id, now() - g * interval '15 minutes', 5, 4 + (g % 2), 1 - (g % 2)
    from connections c cross join generate_series(0, 29) g where c.provider = 'touchbistro'`);
  await run(sql`analyze`);
  return performance.now() - t0;
}

async function time(name: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)]!;
  const row = { query: name, p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +samples.at(-1)!.toFixed(1) };
  console.log(`${name.padEnd(34)} p50 ${row.p50.toFixed(1).padStart(7)} ms   p95 ${row.p95.toFixed(1).padStart(7)} ms   ${row.p95 < 100 ? "ok" : "SLOW"}`);
  return row;
}

try {
  console.log(`driver ${dbDriver()}: seeding ${RESTAURANTS} restaurants, ${ORDERS} orders, ${ORDERS * ATTEMPTS_PER_ORDER} sync attempts…`);
  console.log(`seeded in ${((await seed()) / 1000).toFixed(1)} s; ${RUNS} runs per query`);
  const top = (await db.execute(sql`select restaurant_id as id from orders group by restaurant_id order by count(*) desc limit 1`)) as unknown as { rows: { id: string }[] };
  const restaurantId = top.rows[0]!.id;
  let t0 = performance.now();
  await refreshMetricsRollups(db);
  console.log(`rollup backfill (30 days): ${(performance.now() - t0).toFixed(0)} ms`);
  t0 = performance.now();
  await refreshMetricsRollups(db);
  console.log(`rollup refresh (last 48 h, the 5-minute schedule): ${(performance.now() - t0).toFixed(0)} ms`);
  const results = [];
  for (const range of ["24h", "7d", "30d"] as const) results.push(await time(`platformMetrics ${range}`, () => platformMetrics(db, range)));
  results.push(await time("providerMetrics 30d", () => providerMetrics(db, rangeWindow("30d"))));
  results.push(await time("sellerOverview (one restaurant)", () => sellerOverview(db, restaurantId)));
  results.push(await time("/api/v1/pos/stats syncStats", () => syncStats(db, restaurantId)));
  const slow = results.filter((r) => r.p95 >= 100);
  console.log(slow.length ? `goal missed by: ${slow.map((r) => r.query).join(", ")}` : "every query p95 < 100 ms");
} catch (e) {
  console.error(e);
} finally {
  await benchEnv.drop();
  process.exit(0);
}
