"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCheck, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { timeAgo } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";

type Filter = { provider?: string; errorClass?: string; restaurantId?: string };
type Run = { kind: "retry" | "resolve"; total: number; sent: number; done: number; skipped: number; ids: string[]; error?: string };

/** Ids per request while a bulk action runs: small enough to show progress, far below the server's cap. */
const CHUNK = 25;
const selectClass = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm";

/** The drill-down of open failures: filter, select, retry or resolve (one or many), with progress. */
export function FailureTriage({ filter, providers, errorClasses, restaurantName }: { filter: Filter; providers: string[]; errorClasses: string[]; restaurantName: string | null }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState("");
  const [run, setRun] = useState<Run | null>(null);
  const list = useQuery(trpc.adminMonitoring.failures.queryOptions({ ...filter, limit: 200 }));
  const retry = useMutation(trpc.adminMonitoring.retryFailures.mutationOptions());
  const resolve = useMutation(trpc.adminMonitoring.resolveFailures.mutationOptions());
  const tracked = run?.kind === "retry" && run.ids.length ? run.ids.slice(0, 500) : null;
  const progress = useQuery({
    ...trpc.adminMonitoring.jobProgress.queryOptions({ jobIds: tracked ?? ["00000000-0000-4000-8000-000000000000"] }),
    enabled: !!tracked,
    refetchInterval: (q) => (q.state.data && q.state.data.inFlight === 0 ? false : 1_500),
  });
  const busy = !!run && run.sent < run.total && !run.error;
  const items = list.data?.items ?? [];

  async function bulk(kind: Run["kind"], ids: string[]) {
    if (!ids.length) return;
    const state: Run = { kind, total: ids.length, sent: 0, done: 0, skipped: 0, ids: [] };
    setRun({ ...state });
    try {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const r = kind === "retry" ? await retry.mutateAsync({ jobIds: chunk }) : await resolve.mutateAsync({ jobIds: chunk, note: note.trim() });
        state.sent += chunk.length;
        state.done += r.done;
        state.skipped += r.skipped;
        state.ids.push(...r.doneIds);
        setRun({ ...state, ids: [...state.ids] });
      }
      if (kind === "resolve") setNote("");
    } catch (err) {
      setRun({ ...state, error: err instanceof Error ? err.message : "The request failed" });
    } finally {
      setSelected(new Set());
      await qc.invalidateQueries({ queryKey: trpc.adminMonitoring.pathKey() });
      router.refresh();
    }
  }

  async function allMatching() {
    const r = await qc.fetchQuery({ ...trpc.adminMonitoring.failureIds.queryOptions(filter), staleTime: 0 });
    return r.ids;
  }

  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const total = list.data?.total ?? 0;

  return (
    <Card>
      <CardHeader title="Open failures" description={restaurantName ? `Filtered to ${restaurantName}.` : "Oldest first: they have waited longest."} />
      <form method="get" action="/admin/failures" className="flex flex-wrap items-end gap-3 border-b border-zinc-100 px-5 py-4" aria-label="Filter failures">
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-zinc-900">Provider</span>
          <select name="provider" defaultValue={filter.provider ?? ""} className={selectClass}>
            <option value="">All</option>
            {providers.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-zinc-900">Error class</span>
          <select name="errorClass" defaultValue={filter.errorClass ?? ""} className={selectClass}>
            <option value="">All</option>
            {errorClasses.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        {filter.restaurantId ? <input type="hidden" name="restaurantId" value={filter.restaurantId} /> : null}
        <Button type="submit" variant="secondary" size="sm" className="h-9">Apply</Button>
        {filter.provider || filter.errorClass || filter.restaurantId ? <Link href="/admin/failures" className="h-9 content-center text-sm text-brand-700 hover:underline">Clear filters</Link> : null}
      </form>

      <div className="flex flex-col gap-3 border-b border-zinc-100 px-5 py-4 lg:flex-row lg:items-end lg:justify-between">
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={busy || !total} onClick={async () => bulk("retry", await allMatching())}>
            <RotateCcw aria-hidden /> Retry all {total} matching
          </Button>
          <Button size="sm" variant="secondary" disabled={busy || !selected.size} onClick={() => bulk("retry", [...selected])}>
            Retry {selected.size} selected
          </Button>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="grid min-w-56 flex-1 gap-1 text-sm">
            <span className="font-medium text-zinc-900">Resolution note</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="e.g. refunded, re-entered by hand" className={selectClass} />
          </label>
          <Button size="sm" variant="secondary" className="h-9" disabled={busy || !selected.size || !note.trim()} onClick={() => bulk("resolve", [...selected])}>
            <CheckCheck aria-hidden /> Mark {selected.size} resolved
          </Button>
        </div>
      </div>

      {run ? <RunStatus run={run} progress={progress.data} /> : null}

      {list.isPending ? (
        <p className="px-5 py-8 text-sm text-zinc-500">Loading failures…</p>
      ) : list.isError ? (
        <p role="alert" className="px-5 py-8 text-sm text-red-700">Couldn&apos;t load the failures: {list.error.message}</p>
      ) : !items.length ? (
        <p className="px-5 py-8 text-sm text-zinc-500">No open failure matches these filters.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[52rem] text-sm" aria-label="Open failures">
            <thead className="border-b border-zinc-100 text-left text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="w-10 px-5 py-2.5">
                  <input type="checkbox" aria-label="Select all shown" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))} />
                </th>
                <th className="px-3 py-2.5 font-medium">Order</th>
                <th className="px-3 py-2.5 font-medium">Restaurant</th>
                <th className="px-3 py-2.5 font-medium">Cause</th>
                <th className="px-3 py-2.5 font-medium">Failed</th>
                <th className="px-5 py-2.5 text-right font-medium">Action</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((f) => (
                <tr key={f.id} className={selected.has(f.id) ? "bg-brand-50/50" : undefined}>
                  <td className="px-5 py-3"><input type="checkbox" aria-label={`Select ${f.externalId}`} checked={selected.has(f.id)} onChange={() => toggle(f.id)} /></td>
                  <td className="px-3 py-3 font-medium text-zinc-900">{f.externalId}</td>
                  <td className="px-3 py-3"><Link href={`/admin/restaurants/${f.restaurantId}`} className="text-zinc-700 hover:underline">{f.restaurantName}</Link></td>
                  <td className="max-w-md px-3 py-3 text-zinc-600">
                    <Badge tone="danger" className="mr-1">{f.provider ?? "?"} · {f.errorClass ?? "unknown"}</Badge> {f.cause}
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap text-zinc-500">{timeAgo(f.failedAt)}</td>
                  <td className="px-5 py-3 text-right">
                    <Button size="sm" variant="ghost" disabled={busy} onClick={() => bulk("retry", [f.id])} aria-label={`Retry ${f.externalId}`}>Retry</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > items.length ? <p className="border-t border-zinc-100 px-5 py-3 text-xs text-zinc-500">Showing the oldest {items.length} of {total}; “Retry all matching” covers up to 500 per run.</p> : null}
        </div>
      )}
    </Card>
  );
}

function RunStatus({ run, progress }: { run: Run; progress?: { success: number; failed: number; inFlight: number; total: number } }) {
  const pct = run.total ? Math.round((run.sent / run.total) * 100) : 100;
  const verb = run.kind === "retry" ? "Retried" : "Resolved";
  return (
    <div role="status" aria-live="polite" className="space-y-2 border-b border-zinc-100 bg-zinc-50 px-5 py-4 text-sm">
      <div className="h-2 overflow-hidden rounded-full bg-zinc-200" aria-hidden>
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-zinc-700">
        {run.sent < run.total && !run.error ? "Working… " : ""}
        {verb} {run.done} of {run.total}
        {run.skipped ? ` · ${run.skipped} skipped (already sent, in flight or resolved)` : ""}
      </p>
      {run.kind === "retry" && progress && run.sent >= run.total ? (
        <p className="text-zinc-700">
          <span className="font-medium text-emerald-700">{progress.success} in POS</span> · {progress.inFlight} sending · <span className="text-red-700">{progress.failed} failed again</span>
        </p>
      ) : null}
      {run.error ? <p role="alert" className="text-red-700">Stopped: {run.error}</p> : null}
    </div>
  );
}
