import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditMetadata } from "~/components/admin/audit-metadata";
import { formatDateTime } from "~/components/format";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { Table, Td } from "~/components/ui/table";
import { requireAdmin } from "~/server/auth/guards";
import { serverApi } from "~/components/trpc/server";

export const metadata: Metadata = { title: "Audit log" };

type Params = { action?: string; actor?: string; org?: string; target?: string; from?: string; to?: string; q?: string; before?: string; beforeId?: string };
const input = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** datetime-local has no zone: the form's times are UTC, whatever the server's zone. */
const date = (s?: string) => {
  const v = s && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(s) ? `${s}Z` : s;
  return v && !Number.isNaN(new Date(v).getTime()) ? new Date(v) : undefined;
};

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  const p = await searchParams;
  const from = date(p.from);
  const to = date(p.to);
  const filter = {
    limit: 50,
    ...(p.action ? { action: p.action } : {}),
    ...(p.actor?.trim() ? { actor: p.actor.trim() } : {}),
    ...(p.org && UUID.test(p.org) ? { organizationId: p.org } : {}),
    ...(p.target?.trim() ? { targetId: p.target.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to && (!from || from < to) ? { to } : {}),
    ...(p.q?.trim() ? { q: p.q.trim() } : {}),
    ...(p.before && p.beforeId && date(p.before) && UUID.test(p.beforeId) ? { cursor: { createdAt: date(p.before)!, id: p.beforeId } } : {}),
  };
  const api = await serverApi();
  const [{ entries, nextCursor }, facets] = await Promise.all([api.admin.auditSearch(filter), api.admin.auditFacets()]);
  const filtered = Object.keys(filter).some((k) => k !== "limit" && k !== "cursor");
  const keep = Object.fromEntries(Object.entries(p).filter(([k, v]) => v && k !== "before" && k !== "beforeId")) as Record<string, string>;
  const olderHref = nextCursor ? `/admin/audit?${new URLSearchParams({ ...keep, before: new Date(nextCursor.createdAt).toISOString(), beforeId: nextCursor.id })}` : null;
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, newest first. Times in UTC; credentials are never recorded." />
      <Card className="mb-4 px-5 py-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter audit log">
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Action</span>
            <select name="action" defaultValue={p.action ?? ""} className={input}>
              <option value="">All</option>
              {facets.actions.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Actor email</span>
            <input name="actor" defaultValue={p.actor ?? ""} placeholder="name@…" className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Organization</span>
            <select name="org" defaultValue={p.org ?? ""} className={`${input} max-w-48`}>
              <option value="">All</option>
              {facets.organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Target id</span>
            <input name="target" defaultValue={p.target ?? ""} className={`${input} font-mono`} />
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">From (UTC)</span>
            <input type="datetime-local" name="from" defaultValue={p.from ?? ""} className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">To (UTC)</span>
            <input type="datetime-local" name="to" defaultValue={p.to ?? ""} className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Search</span>
            <input type="search" name="q" defaultValue={p.q ?? ""} placeholder="any text" className={input} />
          </label>
          <Button type="submit" size="sm">Filter</Button>
          {filtered ? <Link href="/admin/audit" className="text-sm text-zinc-600 underline underline-offset-4">Clear</Link> : null}
        </form>
      </Card>
      {!entries.length ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No entries match these filters" : "Nothing recorded yet"}
          description={filtered ? "Widen the time range or clear a filter." : "Sign-ups, connections, settings and admin actions are recorded here."}
        />
      ) : (
        <Card>
          <Table minWidth="60rem" columns={[{ label: "When" }, { label: "Action" }, { label: "Actor" }, { label: "Organization" }, { label: "Target" }, { label: "Changes" }]}>
            {entries.map((e) => (
              <tr key={e.id} className="align-top">
                <Td className="whitespace-nowrap text-zinc-500">{formatDateTime(e.createdAt, "UTC")}</Td>
                <Td className="font-mono text-xs text-zinc-800">{e.action}</Td>
                <Td className="text-zinc-600">{e.actorEmail ?? e.actorType}</Td>
                <Td className="text-zinc-600">{e.organizationName ?? "—"}</Td>
                <Td className="text-xs text-zinc-600">
                  {e.targetType ? <span className="block">{e.targetType}</span> : null}
                  {e.targetId ? <Link href={`/admin/audit?target=${encodeURIComponent(e.targetId)}`} className="font-mono text-zinc-500 hover:text-indigo-700">{e.targetId.slice(0, 13)}</Link> : "—"}
                </Td>
                <Td><AuditMetadata metadata={e.metadata} /></Td>
              </tr>
            ))}
          </Table>
          <div className="flex items-center justify-between border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">
            <span>{entries.length} {entries.length === 1 ? "entry" : "entries"}{p.before ? " (older page)" : ""}</span>
            <span className="flex gap-4">
              {p.before ? <Link href={`/admin/audit?${new URLSearchParams(keep)}`} className="underline underline-offset-4">Newest</Link> : null}
              {olderHref ? <Link href={olderHref} className="underline underline-offset-4">Older →</Link> : null}
            </span>
          </div>
        </Card>
      )}
    </>
  );
}
