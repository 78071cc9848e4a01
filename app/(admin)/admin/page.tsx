import type { Metadata } from "next";
import { HeartbeatCard } from "~/components/admin/heartbeat-card";
import { Stat } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/server/auth/guards";
import { serverApi } from "~/components/trpc/server";
import { jobsDriver } from "~/server/jobs/driver";

export const metadata: Metadata = { title: "Admin overview" };

export default async function AdminOverviewPage() {
  await requireAdmin();
  const [o, jobs] = await Promise.all([(await serverApi()).admin.overview(), jobsDriver()]);
  const live = (o.connectionsByStatus.active ?? 0) + (o.connectionsByStatus.needs_reauth ?? 0);
  const synced = o.syncJobs24hByStatus.success ?? 0;
  const failed = o.syncJobs24hByStatus.failed ?? 0;
  return (
    <>
      <PageHeader title="Platform overview" description="Every organization, restaurant and POS connection on Switchboard." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Organizations" value={o.organizations} />
        <Stat label="Restaurants" value={o.restaurants} />
        <Stat label="Orders, last 24 h" value={o.orders24h} />
        <Stat label="POS connections" value={live} hint={live ? `${o.connectionsByStatus.needs_reauth ?? 0} need re-authorization` : "No restaurant has connected a POS yet"} />
        <Stat
          label="Sync success, 24 h"
          value={synced + failed ? `${Math.round((synced / (synced + failed)) * 1000) / 10}%` : null}
          hint={synced + failed ? `${synced} synced, ${failed} failed` : "No order syncs in the last 24 hours"}
        />
        <Stat label="Webhook calls, 24 h" value={o.webhooks24h.total} hint={`${o.webhooks24h.rejected} rejected signatures`} />
      </div>
      <div className="mt-6">
        <HeartbeatCard jobsDriver={jobs.name} />
      </div>
    </>
  );
}
