import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { formatDateTime } from "~/components/format";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { Table, Td } from "~/components/ui/table";
import { requireAdmin } from "~/server/auth/guards";
import { serverApi } from "~/components/trpc/server";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditPage() {
  await requireAdmin();
  const { entries } = await (await serverApi()).admin.audit({ limit: 100 });
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, newest first." />
      {!entries.length ? (
        <EmptyState icon={ScrollText} title="Nothing recorded yet" description="Sign-ups, connections and admin actions are recorded here." />
      ) : (
        <Card>
          <Table columns={[{ label: "When" }, { label: "Action" }, { label: "Actor" }, { label: "Organization" }]}>
            {entries.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap text-zinc-500">{formatDateTime(e.createdAt)}</Td>
                <Td className="font-mono text-xs text-zinc-800">{e.action}</Td>
                <Td className="text-zinc-600">{e.actorEmail ?? e.actorType}</Td>
                <Td className="text-zinc-600">{e.organizationName ?? "—"}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
    </>
  );
}
