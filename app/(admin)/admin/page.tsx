import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";
import { HeartbeatCard } from "~/components/admin/heartbeat-card";
import { Kpi, ms, pct } from "~/components/admin/metrics/kpi";
import { OverviewCharts } from "~/components/admin/metrics/overview-charts";
import { ProviderMetricsTable } from "~/components/admin/metrics/provider-metrics-table";
import { RangeTabs } from "~/components/admin/metrics/range-tabs";
import { formatMoney } from "~/components/format";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { serverApi } from "~/components/trpc/server";
import { requireAdmin } from "~/server/auth/guards";
import { jobsDriver } from "~/server/jobs/driver";
import { metricsRangeSchema } from "~/server/metrics/range";

export const metadata: Metadata = { title: "Admin overview" };

const RANGE_LABEL = { "24h": "last 24 hours", "7d": "last 7 days", "30d": "last 30 days" } as const;

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  await requireAdmin();
  // An unknown ?range= falls back to 24 h rather than failing the page.
  const range = metricsRangeSchema.catch("24h").parse((await searchParams).range);
  const [m, jobs] = await Promise.all([(await serverApi()).admin.metrics({ range }), jobsDriver()]);
  const currencies = [...new Set(m.series.flatMap((p) => Object.keys(p.revenue)))].sort();
  const emptyPlatform = !m.ordersInRange && !m.activeRestaurants && !m.openFailures && m.providers.every((p) => !p.restaurants);
  const finished = m.sync.synced + m.sync.failed;
  return (
    <>
      <PageHeader
        title="Platform overview"
        description={`Orders, revenue and sync health across every restaurant, ${RANGE_LABEL[range]}. Buckets are ${m.unit === "hour" ? "hours" : "days"} in UTC.`}
        actions={<RangeTabs current={range} />}
      />
      {emptyPlatform ? (
        <div className="mb-6">
          <EmptyState icon={LayoutDashboard} title="No activity on the platform yet" description="Figures appear here once restaurants connect a POS and orders arrive. Nothing below is estimated." />
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3 xl:grid-cols-6">
        <Kpi label="Orders today" value={m.ordersToday} hint={`${m.ordersInRange} in the ${RANGE_LABEL[range]}`} href="/admin/restaurants" />
        <Kpi
          label="Revenue today"
          value={m.revenueToday.length ? <span className="flex flex-col text-xl">{m.revenueToday.map((r) => <span key={r.currency}>{formatMoney(r.amount, r.currency)}</span>)}</span> : null}
          hint={m.revenueToday.length > 1 ? "Per currency, never added together" : "Since 00:00 UTC"}
          href="/admin/restaurants"
        />
        <Kpi label="Active restaurants" value={m.activeRestaurants} hint="With an active POS connection" href="/admin/restaurants" />
        <Kpi label="Sync success" value={pct(m.sync.successRate)} hint={finished ? `${m.sync.synced} in POS, ${m.sync.failed} failed` : "No finished pushes in range"} href="/admin/failures" />
        <Kpi label="Order → POS, p50 / p95" value={m.latencyMs.p50 === null ? null : `${ms(m.latencyMs.p50)} / ${ms(m.latencyMs.p95)}`} hint="Placed until the POS accepted it" href="/admin/providers" />
        <Kpi label="Open failures" value={m.openFailures} hint={m.openFailures ? "Failed pushes not yet resolved" : "Nothing to triage"} href="/admin/failures" />
      </div>
      <div className="mt-6">
        <OverviewCharts series={m.series} unit={m.unit} currencies={currencies} />
      </div>
      <div className="mt-6">
        <ProviderMetricsTable providers={m.providers} rangeLabel={RANGE_LABEL[range]} />
      </div>
      <div className="mt-6">
        <HeartbeatCard jobsDriver={jobs.name} />
      </div>
    </>
  );
}
