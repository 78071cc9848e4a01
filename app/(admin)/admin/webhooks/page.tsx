import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { formatDateTime } from "~/components/format";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/server/auth/guards";
import { serverApi } from "~/components/trpc/server";

export const metadata: Metadata = { title: "Webhooks" };

export default async function AdminWebhooksPage() {
  await requireAdmin();
  const events = await (await serverApi()).admin.webhooks({ limit: 100 });
  return (
    <>
      <PageHeader title="Webhooks" description="Every inbound call from a POS or channel, with its verification result." />
      {!events.length ? (
        <EmptyState icon={Webhook} title="No webhook calls received" description="Calls from POS vendors are recorded here before they are processed." />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="border-b border-zinc-100 text-left text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-5 py-2.5 font-medium">Received</th>
                <th className="px-5 py-2.5 font-medium">Provider</th>
                <th className="px-5 py-2.5 font-medium">Event</th>
                <th className="px-5 py-2.5 font-medium">Signature</th>
                <th className="px-5 py-2.5 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="px-5 py-3 text-zinc-500">{formatDateTime(e.receivedAt)}</td>
                  <td className="px-5 py-3 font-medium">{e.provider}</td>
                  <td className="px-5 py-3 text-zinc-600">{e.eventType ?? "—"}</td>
                  <td className="px-5 py-3">{e.signatureValid ? <Badge tone="success">Valid</Badge> : <Badge tone="danger">Rejected</Badge>}</td>
                  <td className="px-5 py-3"><Badge tone={e.status === "failed" ? "danger" : "neutral"}>{e.status}</Badge></td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
