import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { formatDateTime } from "~/components/format";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/server/auth/guards";
import { serverApi } from "~/components/trpc/server";

export const metadata: Metadata = { title: "Restaurants" };

export default async function AdminRestaurantsPage() {
  await requireAdmin();
  const rows = await (await serverApi()).admin.restaurants();
  return (
    <>
      <PageHeader title="Restaurants" description="All restaurants across every organization." />
      {!rows.length ? (
        <EmptyState icon={Building2} title="No restaurants yet" description="Restaurants appear here as sellers sign up." />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="border-b border-zinc-100 text-left text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-5 py-2.5 font-medium">Restaurant</th>
                <th className="px-5 py-2.5 font-medium">Organization</th>
                <th className="px-5 py-2.5 font-medium">POS</th>
                <th className="px-5 py-2.5 text-right font-medium">Orders</th>
                <th className="px-5 py-2.5 text-right font-medium">Added</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-5 py-3 font-medium text-zinc-900">{r.name}</td>
                  <td className="px-5 py-3 text-zinc-600">{r.organizationName}</td>
                  <td className="px-5 py-3">
                    {r.connectionCount ? <Badge tone="success">{r.connectionCount} connected</Badge> : <Badge>Not connected</Badge>}
                  </td>
                  <td className="px-5 py-3 text-right tabular-nums">{r.orderCount}</td>
                  <td className="px-5 py-3 text-right text-zinc-500">{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
