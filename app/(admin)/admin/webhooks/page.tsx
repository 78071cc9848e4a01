import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { formatDateTime } from "~/components/format";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { Table, Td } from "~/components/ui/table";
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
        <Card>
          <Table columns={[{ label: "Received" }, { label: "Provider" }, { label: "Event" }, { label: "Signature" }, { label: "Status" }]}>
            {events.map((e) => (
              <tr key={e.id}>
                <Td className="text-zinc-500">{formatDateTime(e.receivedAt)}</Td>
                <Td className="font-medium">{e.provider}</Td>
                <Td className="text-zinc-600">{e.eventType ?? "—"}</Td>
                <Td>{e.signatureValid ? <Badge tone="success">Valid</Badge> : <Badge tone="danger">Rejected</Badge>}</Td>
                <Td><Badge tone={e.status === "failed" ? "danger" : "neutral"}>{e.status}</Badge></Td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
    </>
  );
}
