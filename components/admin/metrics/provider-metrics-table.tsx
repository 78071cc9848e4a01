import Link from "next/link";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, Td } from "~/components/ui/table";
import type { PlatformMetrics } from "~/server/metrics/platform-metrics";
import { CellLink, pct } from "./kpi";

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** Per provider over the range; every figure links to the rows it counts. */
export function ProviderMetricsTable({ providers, rangeLabel }: { providers: PlatformMetrics["providers"]; rangeLabel: string }) {
  return (
    <Card>
      <CardHeader title="By provider" description={`Restaurants now; everything else over the ${rangeLabel}. Uptime is the share of health checks that found the POS online.`} />
      <Table
        minWidth="52rem"
        columns={[{ label: "Provider" }, { label: "Restaurants", align: "right" }, { label: "Orders", align: "right" }, { label: "Uptime", align: "right" }, { label: "Webhooks ok", align: "right" }, { label: "Polls ok", align: "right" }]}
      >
        {providers.map((p) => (
          <tr key={p.id}>
            <Td>
              <Link href="/admin/providers" className="font-medium text-zinc-900 hover:text-indigo-700">{p.name}</Link>
              <span className="block text-xs text-zinc-500">status by {p.statusMode}</span>
            </Td>
            <Td align="right"><CellLink href={`/admin/restaurants${q({ provider: p.id })}`} label={`${p.name} restaurants`}>{p.restaurants}</CellLink></Td>
            <Td align="right">
              <CellLink href={`/admin/restaurants${q({ provider: p.id })}`} label={`${p.name} orders`}>{p.orders}</CellLink>
              {p.sync.failed ? (
                <Link href={`/admin/failures${q({ provider: p.id })}`} className="block text-xs text-red-700 hover:underline">{p.sync.failed} failed</Link>
              ) : null}
            </Td>
            <Td align="right">
              {p.uptime.samples ? (
                <CellLink href={`/admin/restaurants${q({ provider: p.id, health: "offline" })}`} label={`${p.name} uptime`}>{pct(p.uptime.rate)}</CellLink>
              ) : (
                <span className="text-zinc-400" title="No health checks in this range">—</span>
              )}
              {p.uptime.samples ? <span className="block text-xs text-zinc-500">{p.uptime.samples} checks</span> : null}
            </Td>
            <Td align="right">
              {p.webhooks.total ? (
                <>
                  <CellLink href={`/admin/webhooks${q({ provider: p.id })}`} label={`${p.name} webhooks`}>{pct(p.webhooks.successRate) ?? "—"}</CellLink>
                  {p.webhooks.failed ? (
                    <Link href={`/admin/webhooks${q({ provider: p.id, status: "failed" })}`} className="block text-xs text-red-700 hover:underline">{p.webhooks.failed} failed or rejected</Link>
                  ) : (
                    <span className="block text-xs text-zinc-500">{p.webhooks.total} calls</span>
                  )}
                </>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </Td>
            <Td align="right">
              {p.polling.polled ? (
                <>
                  <CellLink href="/admin/providers" label={`${p.name} polls`}>{pct(p.polling.successRate)}</CellLink>
                  <span className="block text-xs text-zinc-500">{p.polling.polled} polls</span>
                </>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
