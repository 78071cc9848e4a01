import { Cable, ReceiptText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { OrdersTable } from "~/components/orders/orders-table";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { Button } from "~/components/ui/button";
import { Card, CardHeader, Stat } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { serverApi } from "~/components/trpc/server";
import { requireSeller } from "~/server/auth/guards";
import { getProvider } from "~/server/integrations/registry";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  const api = await serverApi();
  const [stats, recent] = await Promise.all([
    api.overview.restaurant({ restaurantId: restaurant.id }),
    api.orders.list({ restaurantId: restaurant.id, limit: 5 }),
  ]);
  const pos = stats.connections[0];
  return (
    <>
      <PageHeader title={restaurant.name} description="How orders are flowing today." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Orders, last 24 h" value={stats.orders.last24h} />
        <Stat label="Open orders" value={stats.orders.open} hint="Not yet delivered, completed or cancelled" />
        <Stat
          label="POS sync success"
          value={stats.sync.successRate === null ? null : `${stats.sync.successRate}%`}
          hint={stats.sync.successRate === null ? "No orders synced to a POS yet" : `${stats.sync.success} of ${stats.sync.success + stats.sync.failed} in 30 days`}
        />
        <Stat
          label="POS connection"
          value={pos ? getProvider(pos.provider).metadata.name : null}
          hint={pos ? (pos.status === "active" ? `Connected · ${pos.health}` : "Needs reconnecting") : "Not connected"}
        />
      </div>

      {!pos ? (
        <Card className="mt-6 flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
          <div className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700">
            <Cable className="size-5" aria-hidden />
          </div>
          <div className="flex-1">
            <h2 className="text-sm font-semibold">Connect your POS</h2>
            <p className="text-sm text-zinc-500">Until a POS is connected, marketplace orders wait here and are not sent to your kitchen.</p>
          </div>
          <Button asChild variant="secondary"><Link href="/integrations">Go to Integrations</Link></Button>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader title="Recent orders" action={<Link href="/orders" className="text-sm font-medium text-brand-700 hover:underline">View all</Link>} />
        {recent.orders.length ? (
          <OrdersTable orders={recent.orders} />
        ) : (
          <div className="p-5">
            <EmptyState icon={ReceiptText} title="No orders yet" description="Orders from the marketplace appear here the moment they arrive." />
          </div>
        )}
      </Card>
    </>
  );
}
