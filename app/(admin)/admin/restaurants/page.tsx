import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { formatDateTime } from "~/components/format";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { Table, Td } from "~/components/ui/table";
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
        <Card>
          <Table columns={[{ label: "Restaurant" }, { label: "Organization" }, { label: "POS" }, { label: "Orders", align: "right" }, { label: "Added", align: "right" }]}>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="font-medium text-zinc-900">{r.name}</Td>
                <Td className="text-zinc-600">{r.organizationName}</Td>
                <Td>{r.connectionCount ? <Badge tone="success">{r.connectionCount} connected</Badge> : <Badge>Not connected</Badge>}</Td>
                <Td align="right" className="tabular-nums">{r.orderCount}</Td>
                <Td align="right" className="text-zinc-500">{formatDateTime(r.createdAt)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
    </>
  );
}
