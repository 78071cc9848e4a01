"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Plug, RefreshCw, Search, UtensilsCrossed } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { formatMoney } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { AvailabilityControl } from "./availability-control";

/** Categories → items with variations and modifiers; 86 controls; search; Sync now with progress. */
export function MenuBrowser({ restaurantId }: { restaurantId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [runId, setRunId] = useState<string | null>(null);
  const menu = useQuery(trpc.menu.get.queryOptions({ restaurantId }));
  const run = useQuery({
    ...trpc.menu.syncRun.queryOptions({ restaurantId, runId: runId ?? "00000000-0000-4000-8000-000000000000" }),
    enabled: !!runId,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1_000 : false),
  });
  const sync = useMutation(
    trpc.menu.syncNow.mutationOptions({
      onSuccess: (r) => setRunId(r.runId),
    }),
  );
  const finished = run.data && run.data.status !== "running";
  if (finished && menu.dataUpdatedAt < (run.data.completedAt?.getTime() ?? 0)) void qc.invalidateQueries({ queryKey: trpc.menu.get.queryKey({ restaurantId }) });

  const filtered = useMemo(() => {
    const term = q.trim().toLowerCase();
    const cats = menu.data?.categories ?? [];
    if (!term) return cats;
    return cats
      .map((c) => ({ ...c, items: c.items.filter((i) => i.name.toLowerCase().includes(term) || c.name.toLowerCase().includes(term) || i.variations.some((v) => v.name.toLowerCase().includes(term))) }))
      .filter((c) => c.items.length);
  }, [menu.data, q]);

  if (menu.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading menu" className="space-y-3">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-16 animate-pulse rounded-lg bg-zinc-100" />
        ))}
      </div>
    );
  }
  if (menu.isError) {
    return <EmptyState icon={AlertTriangle} title="The menu could not be loaded" description={menu.error.message} action={<Button variant="secondary" onClick={() => void menu.refetch()}>Try again</Button>} />;
  }
  const data = menu.data;
  const syncButton = (
    <Button size="sm" variant="secondary" onClick={() => sync.mutate({ restaurantId })} disabled={sync.isPending || run.data?.status === "running"}>
      <RefreshCw className={run.data?.status === "running" ? "animate-spin" : undefined} aria-hidden /> Sync now
    </Button>
  );
  const progress = run.data ? (
    <p role="status" className="text-sm text-zinc-600">
      {run.data.status === "running"
        ? "Syncing menu from your POS…"
        : `Sync ${run.data.status}: ${run.data.createdCount} created, ${run.data.updatedCount} updated, ${run.data.removedCount} removed, ${run.data.unchangedCount} unchanged.`}
    </p>
  ) : sync.error ? (
    <p role="alert" className="text-sm text-red-600">{sync.error.message}</p>
  ) : null;

  if (!data.connection) {
    return <EmptyState icon={Plug} title="No POS connected" description="Connect your point of sale and your menu is pulled from it." action={<Button asChild><Link href="/integrations">Connect a POS</Link></Button>} />;
  }
  if (!data.itemCount) {
    return (
      <div className="space-y-3">
        <EmptyState icon={UtensilsCrossed} title="No menu yet" description={`Pull your menu from ${data.connection.providerName} to see it here.`} action={syncButton} />
        {progress}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <label className="relative block sm:w-80">
          <span className="sr-only">Search the menu</span>
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search items" className="h-9 w-full rounded-md border border-zinc-300 bg-white pl-9 pr-3 text-sm" />
        </label>
        <div className="flex items-center gap-3">
          <span className="text-xs text-zinc-500">{data.itemCount} items from {data.connection.providerName}</span>
          {syncButton}
        </div>
      </div>
      {progress}
      {data.connection.status === "needs_reauth" ? (
        <p role="alert" className="flex flex-wrap items-center gap-x-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          <AlertTriangle className="size-4 shrink-0" aria-hidden />
          {data.connection.providerName} needs reconnecting: this is the menu from the last sync.
          <Link href="/integrations" className="font-medium underline underline-offset-2">Reconnect</Link>
        </p>
      ) : null}
      {!data.connection.canPushAvailability ? <p className="text-xs text-amber-700">{data.connection.providerName} does not take availability changes from us: sold-out marks show on the marketplace only.</p> : null}
      {filtered.length === 0 ? (
        <EmptyState icon={Search} title="No items match" description={`Nothing on the menu matches “${q}”.`} action={<Button variant="secondary" onClick={() => setQ("")}>Clear search</Button>} />
      ) : (
        filtered.map((c) => (
          <section key={c.id ?? "other"} aria-labelledby={`cat-${c.id ?? "other"}`} className="rounded-xl border border-zinc-200 bg-white">
            <h2 id={`cat-${c.id ?? "other"}`} className="border-b border-zinc-100 px-4 py-2.5 text-sm font-semibold text-zinc-900">
              {c.name} <span className="font-normal text-zinc-400">· {c.items.length}</span>
            </h2>
            <ul className="divide-y divide-zinc-100">
              {c.items.map((i) => (
                <li key={i.id} className="px-4 py-3" data-testid="menu-item">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className={i.available ? "font-medium text-zinc-900" : "font-medium text-zinc-400 line-through"}>{i.name}</p>
                      {i.description ? <p className="truncate text-xs text-zinc-500">{i.description}</p> : null}
                      <p className="text-sm text-zinc-700">{i.price === null ? "Priced by variation" : formatMoney(i.price, i.currency)}</p>
                    </div>
                    <AvailabilityControl restaurantId={restaurantId} timeZone={data.timezone} target={{ type: "item", id: i.id, name: i.name, available: i.available, snoozedUntil: i.snoozedUntil }} />
                  </div>
                  {i.variations.length > 1 || i.modifierGroups.length ? (
                    <div className="mt-2 space-y-1.5 border-l-2 border-zinc-100 pl-3">
                      {i.variations.length > 1
                        ? i.variations.map((v) => (
                            <div key={v.id} className="flex items-center justify-between gap-2 text-sm">
                              <span className={v.available ? "text-zinc-700" : "text-zinc-400 line-through"}>
                                {v.name} · {v.price === null ? "variable" : formatMoney(v.price, i.currency)}
                              </span>
                              <AvailabilityControl restaurantId={restaurantId} timeZone={data.timezone} target={{ type: "variation", id: v.id, name: `${i.name} ${v.name}`, available: v.available, snoozedUntil: v.snoozedUntil }} />
                            </div>
                          ))
                        : null}
                      {i.modifierGroups.map((g) => (
                        <details key={g.id} className="text-sm">
                          <summary className="cursor-pointer text-zinc-500">{g.name} ({g.modifiers.length})</summary>
                          {g.modifiers.map((mo) => (
                            <div key={mo.id} className="flex items-center justify-between gap-2 pl-3">
                              <span className={mo.available ? "text-zinc-700" : "text-zinc-400 line-through"}>
                                {mo.name}
                                {mo.price ? ` · +${formatMoney(mo.price, i.currency)}` : ""}
                              </span>
                              <AvailabilityControl restaurantId={restaurantId} timeZone={data.timezone} target={{ type: "modifier", id: mo.id, name: mo.name, available: mo.available, snoozedUntil: mo.snoozedUntil }} />
                            </div>
                          ))}
                        </details>
                      ))}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
