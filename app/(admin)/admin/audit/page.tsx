import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { formatDateTime } from "~/components/format";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
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
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="border-b border-zinc-100 text-left text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-5 py-2.5 font-medium">When</th>
                <th className="px-5 py-2.5 font-medium">Action</th>
                <th className="px-5 py-2.5 font-medium">Actor</th>
                <th className="px-5 py-2.5 font-medium">Organization</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-5 py-3 text-zinc-500">{formatDateTime(e.createdAt)}</td>
                  <td className="px-5 py-3 font-mono text-xs text-zinc-800">{e.action}</td>
                  <td className="px-5 py-3 text-zinc-600">{e.actorEmail ?? e.actorType}</td>
                  <td className="px-5 py-3 text-zinc-600">{e.organizationName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
