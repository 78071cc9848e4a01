import { ArrowLeft, TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircuitBadge, HealthBadge, formatUptime } from "~/components/admin/health-badge";
import { formatDateTime, formatMoney, timeAgo } from "~/components/format";
import { OrderStatusBadge } from "~/components/orders/order-status-badge";
import { explainSyncError } from "~/components/sync/explain-error";
import { SyncStatusBadge } from "~/components/sync/sync-status-badge";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { Table, Td } from "~/components/ui/table";
import { serverApi } from "~/components/trpc/server";
import { requireAdmin } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Restaurant" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Empty({ children }: { children: string }) {
  return <p className="px-5 py-6 text-sm text-zinc-500">{children}</p>;
}

/** One restaurant for an admin: connections with health and circuit, then its recent activity. */
export default async function AdminRestaurantPage({ params }: { params: Promise<{ restaurantId: string }> }) {
  await requireAdmin();
  const { restaurantId } = await params;
  if (!UUID.test(restaurantId)) notFound();
  const d = await (await serverApi()).adminMonitoring.restaurant({ restaurantId }).catch((e: { code?: string }) => {
    if (e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { restaurant: r } = d;
  // There is no admin order page (the order page is the seller's): an order links to its attempts here.
  const posName = d.connections.find((c) => c.status !== "disconnected")?.providerName ?? d.connections[0]?.providerName ?? "the POS";
  const firstAttempt = new Map<string, string>();
  for (const a of d.attempts) if (!firstAttempt.has(a.orderId)) firstAttempt.set(a.orderId, a.id);
  return (
    <>
      <Link href="/admin/restaurants" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900">
        <ArrowLeft className="size-4" aria-hidden /> Restaurants
      </Link>
      <PageHeader
        title={r.name}
        description={`${r.organizationName} · ${r.currency} · added ${formatDateTime(r.createdAt)}${r.isActive ? "" : " · inactive"}`}
        actions={
          d.openFailures ? (
            <Button asChild variant="danger" size="sm">
              <Link href={`/admin/failures?restaurantId=${r.id}`}>
                <TriangleAlert aria-hidden /> {d.openFailures} open failure{d.openFailures === 1 ? "" : "s"}
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="POS connections" description="Health from the scheduled checks; uptime counts online checks fully and degraded ones half." />
          {!d.connections.length ? (
            <Empty>This restaurant has not connected a POS.</Empty>
          ) : (
            <>
            <ul className="divide-y divide-zinc-100 md:hidden" aria-label="POS connections">
              {d.connections.map((c) => (
                <li key={c.id} className="space-y-1.5 px-5 py-4 text-sm">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <span className="font-medium text-zinc-900">{c.providerName}</span>
                    <HealthBadge health={c.status === "disconnected" ? null : c.health} />
                    <span className="inline-flex items-center gap-1 text-xs text-zinc-500">circuit <CircuitBadge state={c.circuitState} /></span>
                    {c.status === "needs_reauth" ? <Badge tone="warning">Needs reconnect</Badge> : null}
                  </div>
                  <p className="text-xs text-zinc-500">
                    Uptime {formatUptime(c.uptime24h)} (24h) · {formatUptime(c.uptime7d)} (7d) · checked {c.healthCheckedAt ? timeAgo(c.healthCheckedAt) : "not yet"} · synced {c.lastSyncAt ? timeAgo(c.lastSyncAt) : "never"}
                  </p>
                  {c.lastError ? <p className="truncate text-xs text-zinc-500" title={c.lastError}>{c.lastError}</p> : null}
                </li>
              ))}
            </ul>
            <Table className="hidden md:block" minWidth="52rem" columns={[{ label: "POS" }, { label: "Health" }, { label: "Circuit" }, { label: "24h uptime", align: "right" }, { label: "7d uptime", align: "right" }, { label: "Checked" }, { label: "Synced" }]}>
              {d.connections.map((c) => (
                <tr key={c.id}>
                  <Td>
                    <span className="font-medium text-zinc-900">{c.providerName}</span>
                    {c.status !== "active" ? <Badge tone={c.status === "needs_reauth" ? "warning" : "neutral"} className="ml-2">{c.status === "needs_reauth" ? "Needs reconnect" : "Disconnected"}</Badge> : null}
                    {c.lastError ? <p className="mt-0.5 max-w-xs truncate text-xs text-zinc-500" title={c.lastError}>{c.lastError}</p> : null}
                  </Td>
                  <Td>
                    <HealthBadge health={c.status === "disconnected" ? null : c.health} />
                    {c.healthChangedAt ? <p className="mt-0.5 text-xs text-zinc-500">since {timeAgo(c.healthChangedAt)}</p> : null}
                  </Td>
                  <Td>
                    <CircuitBadge state={c.circuitState} />
                    {c.consecutiveFailures ? <p className="mt-0.5 text-xs text-zinc-500">{c.consecutiveFailures} failures in a row</p> : null}
                  </Td>
                  <Td align="right" className="tabular-nums">{formatUptime(c.uptime24h)}</Td>
                  <Td align="right" className="tabular-nums">{formatUptime(c.uptime7d)}</Td>
                  <Td className="text-zinc-600">{c.healthCheckedAt ? timeAgo(c.healthCheckedAt) : "Not yet"}</Td>
                  <Td className="text-zinc-600">{c.lastSyncAt ? timeAgo(c.lastSyncAt) : "Never"}</Td>
                </tr>
              ))}
            </Table>
            </>
          )}
        </Card>

        <Card>
          <CardHeader title="Recent orders" />
          {!d.orders.length ? (
            <Empty>No orders yet.</Empty>
          ) : (
            <Table columns={[{ label: "Order" }, { label: "Status" }, { label: "POS sync" }, { label: "Total", align: "right" }, { label: "Placed", align: "right" }]}>
              {d.orders.map((o) => (
                <tr key={o.id}>
                  <Td>
                    {firstAttempt.has(o.id) ? (
                      <a href={`#attempt-${firstAttempt.get(o.id)}`} className="font-medium text-zinc-900 underline decoration-zinc-300 underline-offset-2 hover:text-brand-700">{o.externalId}</a>
                    ) : (
                      <span className="font-medium text-zinc-900">{o.externalId}</span>
                    )}
                  </Td>
                  <Td><OrderStatusBadge status={o.status} /></Td>
                  <Td><SyncStatusBadge status={o.syncStatus} /></Td>
                  <Td align="right" className="tabular-nums">{formatMoney(o.totalAmount, o.currency)}</Td>
                  <Td align="right" className="text-zinc-500">{timeAgo(o.placedAt)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card>
          <CardHeader title="Sync attempts" description="Every push to the POS, newest first." />
          {!d.attempts.length ? (
            <Empty>No sync attempts yet.</Empty>
          ) : (
            <ul aria-label="Sync attempts" className="divide-y divide-zinc-100">
              {d.attempts.map((a) => (
                <li key={a.id} id={`attempt-${a.id}`} className="scroll-mt-20 flex flex-col gap-1 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                  <span>
                    <span className="font-medium text-zinc-900">{a.externalId}</span> <span className="text-zinc-500">#{a.attemptNumber}</span>{" "}
                    <Badge tone={a.outcome === "success" ? "success" : a.outcome === "retry" ? "warning" : "danger"}>{a.outcome}</Badge>
                    {a.errorClass ? <span className="mt-0.5 block text-xs text-zinc-500">{explainSyncError(a.errorClass, a.errorMessage, posName)}</span> : null}
                  </span>
                  <span className="shrink-0 text-xs text-zinc-500 tabular-nums">
                    {a.httpStatus ? `HTTP ${a.httpStatus} · ` : ""}{a.durationMs} ms · {timeAgo(a.startedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Webhook calls" action={<Link href="/admin/webhooks" className="text-sm text-brand-700 hover:underline">Explorer</Link>} />
            {!d.webhooks.length ? (
              <Empty>No webhook calls from this restaurant&apos;s POS yet.</Empty>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {d.webhooks.map((e) => (
                  <li key={e.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                    <Link href={`/admin/webhooks?provider=${e.provider}&status=${e.status}`} className="truncate text-zinc-900 hover:underline">{e.eventType ?? "unknown event"}</Link>
                    <span className="flex shrink-0 items-center gap-2 text-xs text-zinc-500">
                      <Badge tone={e.status === "processed" ? "success" : e.status === "failed" || e.status === "rejected" ? "danger" : "neutral"}>{e.status}</Badge>
                      {timeAgo(e.receivedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader title="Menu sync runs" />
            {!d.menuRuns.length ? (
              <Empty>No menu syncs yet.</Empty>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {d.menuRuns.map((m) => (
                  <li key={m.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                    <span className="min-w-0">
                      <span className="text-zinc-900">{m.trigger}</span> <span className="text-zinc-500">· {m.itemsSynced} items</span>
                      {m.errorMessage ? <span className="block truncate text-xs text-red-700" title={m.errorMessage}>{m.errorMessage}</span> : null}
                    </span>
                    <span className="flex shrink-0 items-center gap-2 text-xs text-zinc-500">
                      <Badge tone={m.status === "success" ? "success" : m.status === "failed" ? "danger" : m.status === "partial" ? "warning" : "info"}>{m.status}</Badge>
                      {timeAgo(m.startedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
