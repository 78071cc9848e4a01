import type { Metadata } from "next";
import { ProviderSettingsForm } from "~/components/admin/provider-settings-form";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { Table, Td } from "~/components/ui/table";
import { serverApi } from "~/components/trpc/server";
import { requireAdmin } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Providers" };

const rate = (ok: number, total: number) => (total ? `${Math.round((ok / total) * 1000) / 10}%` : "—");

export default async function AdminProvidersPage() {
  await requireAdmin();
  const api = await serverApi();
  const [providers, settings] = await Promise.all([api.admin.providers(), api.admin.providerSettings()]);
  return (
    <>
      <PageHeader title="Providers" description="Installed POS providers, where they are reached, and their last 24 hours." />
      <Card>
        <Table
          minWidth="56rem"
          columns={[
            { label: "Provider" },
            { label: "Endpoint" },
            { label: "Connections" },
            { label: "Order pushes, 24 h" },
            { label: "Status updates, 24 h" },
          ]}
        >
          {providers.map((p) => (
            <tr key={p.id}>
              <Td>
                <span className="font-medium text-zinc-900">{p.name}</span>
                <span className="block text-xs text-zinc-500">{p.authMode === "oauth2" ? "OAuth" : "API credentials"} · status by {p.statusMode}</span>
              </Td>
              <Td>
                {p.sandbox ? <Badge tone="info">Sandbox</Badge> : <Badge>Vendor</Badge>}
                <span className="mt-1 block max-w-56 truncate font-mono text-xs text-zinc-500" title={p.baseUrl}>{p.baseUrl}</span>
              </Td>
              <Td>
                {p.connections.active} active
                {p.connections.needsReauth ? <Badge tone="danger" className="ml-2">{p.connections.needsReauth} need reconnecting</Badge> : null}
              </Td>
              <Td>
                {p.pushes24h.total ? `${p.pushes24h.total} · ${rate(p.pushes24h.success, p.pushes24h.total)} in POS` : "None"}
                {p.pushes24h.failed ? <span className="block text-xs text-red-700">{p.pushes24h.failed} failed</span> : null}
              </Td>
              <Td>
                {p.statusMode === "polling"
                  ? p.polls24h
                    ? `${p.polls24h.polled} polls · ${p.polls24h.successRate === null ? "—" : rate(p.polls24h.succeeded, p.polls24h.polled)} ok`
                    : "No polls"
                  : p.webhooks24h.total
                    ? `${p.webhooks24h.total} webhooks`
                    : "No webhooks"}
                {p.statusMode !== "polling" && p.webhooks24h.rejected ? <span className="block text-xs text-red-700">{p.webhooks24h.rejected} rejected signatures</span> : null}
              </Td>
            </tr>
          ))}
        </Table>
      </Card>
      <h2 className="mb-3 mt-8 text-base font-semibold text-zinc-900">Platform credentials and configuration</h2>
      <div className="space-y-4">
        {settings.map((s) => (
          <ProviderSettingsForm key={s.provider} settings={s} />
        ))}
      </div>
    </>
  );
}
