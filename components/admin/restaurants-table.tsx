import { ArrowDown, ArrowUp, Search } from "lucide-react";
import Link from "next/link";
import { timeAgo } from "~/components/format";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { CircuitBadge, HealthBadge, formatUptime } from "./health-badge";

export type RestaurantsParams = {
  provider?: string;
  health?: "online" | "degraded" | "offline" | "none";
  q?: string;
  sort: "name" | "health" | "lastSync" | "failures" | "uptime";
  dir: "asc" | "desc";
  page: number;
};

type Row = {
  id: string;
  name: string;
  organizationName: string;
  providers: string[];
  health: "online" | "degraded" | "offline" | null;
  circuitState: "closed" | "open" | "half_open" | null;
  needsReauth: boolean;
  lastSyncAt: Date | null;
  openFailures: number;
  uptime: number | null;
};

const SORT_LABELS: Record<RestaurantsParams["sort"], string> = { name: "Name", health: "Health", lastSync: "Last sync", failures: "Open failures", uptime: "Uptime" };

const selectClass = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm";

/** The URL of this page with some params changed (the page is server-rendered from the URL). */
export function hrefWith(p: RestaurantsParams, change: Partial<RestaurantsParams>) {
  const next = { ...p, ...change };
  const qs = new URLSearchParams();
  if (next.provider) qs.set("provider", next.provider);
  if (next.health) qs.set("health", next.health);
  if (next.q) qs.set("q", next.q);
  if (next.sort !== "name") qs.set("sort", next.sort);
  if (next.dir !== "asc") qs.set("dir", next.dir);
  if (next.page > 1) qs.set("page", String(next.page));
  const s = qs.toString();
  return `/admin/restaurants${s ? `?${s}` : ""}`;
}

function SortHeader({ label, sort, params, align }: { label: string; sort: RestaurantsParams["sort"]; params: RestaurantsParams; align?: "right" }) {
  const active = params.sort === sort;
  const dir = active && params.dir === "asc" ? "desc" : "asc";
  const Icon = params.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th className={cn("px-5 py-2.5 font-medium", align === "right" && "text-right")} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefWith(params, { sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-zinc-900">
        {label}
        {active ? <Icon className="size-3" aria-hidden /> : null}
      </Link>
    </th>
  );
}

export function RestaurantsTable({ data, params, providers }: { data: { total: number; page: number; pageSize: number; items: Row[] }; params: RestaurantsParams; providers: string[] }) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="space-y-4">
      <Card>
        <form method="get" action="/admin/restaurants" className="flex flex-wrap items-end gap-3 px-5 py-4" role="search" aria-label="Filter restaurants">
          <label className="grid min-w-48 flex-1 gap-1 text-sm">
            <span className="font-medium text-zinc-900">Search</span>
            <span className="relative">
              <Search className="pointer-events-none absolute left-2 top-2.5 size-4 text-zinc-400" aria-hidden />
              <input name="q" defaultValue={params.q ?? ""} placeholder="Restaurant or organization" className={cn(selectClass, "w-full pl-8")} />
            </span>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Provider</span>
            <select name="provider" defaultValue={params.provider ?? ""} className={selectClass}>
              <option value="">All</option>
              {providers.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Health</span>
            <select name="health" defaultValue={params.health ?? ""} className={selectClass}>
              <option value="">All</option>
              <option value="online">Online</option>
              <option value="degraded">Degraded</option>
              <option value="offline">Offline</option>
              <option value="none">Not connected</option>
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Sort by</span>
            <select name="sort" defaultValue={params.sort} className={selectClass}>
              {Object.entries(SORT_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-zinc-900">Order</span>
            <select name="dir" defaultValue={params.dir} className={selectClass}>
              <option value="asc">Ascending</option>
              <option value="desc">Descending</option>
            </select>
          </label>
          <Button type="submit" variant="secondary" size="sm" className="h-9">Apply</Button>
          {params.provider || params.health || params.q ? (
            <Link href="/admin/restaurants" className="h-9 content-center text-sm text-brand-700 hover:underline">Clear</Link>
          ) : null}
        </form>
      </Card>
      <Card>
        {!data.items.length ? (
          <p className="px-5 py-10 text-center text-sm text-zinc-500">No restaurant matches these filters.</p>
        ) : (
          <>
          <ul className="divide-y divide-zinc-100 md:hidden" aria-label="Restaurants">
            {data.items.map((r) => (
              <li key={r.id} className="space-y-2 px-5 py-4 text-sm">
                <div>
                  <Link href={`/admin/restaurants/${r.id}`} className="font-medium text-zinc-900 hover:underline">{r.name}</Link>
                  <p className="text-xs text-zinc-500">{r.organizationName}</p>
                </div>
                <div className="flex flex-wrap items-center gap-1.5">
                  {r.providers.map((p) => <Badge key={p} tone="info">{p}</Badge>)}
                  <HealthBadge health={r.health} />
                  {r.circuitState && r.circuitState !== "closed" ? <span className="inline-flex items-center gap-1 text-xs text-zinc-500">circuit <CircuitBadge state={r.circuitState} /></span> : null}
                  {r.needsReauth ? <Badge tone="warning">Needs reconnect</Badge> : null}
                </div>
                <p className="text-xs text-zinc-500">
                  Last sync {r.lastSyncAt ? timeAgo(r.lastSyncAt) : "never"} · uptime {formatUptime(r.uptime)} ·{" "}
                  {r.openFailures ? <Link href={`/admin/failures?restaurantId=${r.id}`} className="font-medium text-red-700 hover:underline">{r.openFailures} open failures</Link> : "no open failures"}
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full min-w-[56rem] text-sm">
              <thead className="border-b border-zinc-100 text-left text-xs uppercase tracking-wide text-zinc-500">
                <tr>
                  <SortHeader label="Restaurant" sort="name" params={params} />
                  <th className="px-5 py-2.5 font-medium">POS</th>
                  <SortHeader label="Health" sort="health" params={params} />
                  <th className="px-5 py-2.5 font-medium">Circuit</th>
                  <SortHeader label="Last sync" sort="lastSync" params={params} />
                  <SortHeader label="Open failures" sort="failures" params={params} align="right" />
                  <SortHeader label="Uptime 24 h" sort="uptime" params={params} align="right" />
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {data.items.map((r) => (
                  <tr key={r.id} className="hover:bg-zinc-50">
                    <td className="px-5 py-3">
                      <Link href={`/admin/restaurants/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">{r.name}</Link>
                      <p className="text-xs text-zinc-500">{r.organizationName}</p>
                    </td>
                    <td className="px-5 py-3">
                      <div className="flex flex-wrap gap-1">
                        {r.providers.length ? r.providers.map((p) => <Badge key={p} tone="info">{p}</Badge>) : <span className="text-zinc-400">—</span>}
                        {r.needsReauth ? <Badge tone="warning">Needs reconnect</Badge> : null}
                      </div>
                    </td>
                    <td className="px-5 py-3"><HealthBadge health={r.health} /></td>
                    <td className="px-5 py-3"><CircuitBadge state={r.circuitState} /></td>
                    <td className="px-5 py-3 text-zinc-600">{r.lastSyncAt ? timeAgo(r.lastSyncAt) : "Never"}</td>
                    <td className="px-5 py-3 text-right tabular-nums">
                      {r.openFailures ? (
                        <Link href={`/admin/failures?restaurantId=${r.id}`} className="font-medium text-red-700 hover:underline">{r.openFailures}</Link>
                      ) : (
                        <span className="text-zinc-500">0</span>
                      )}
                    </td>
                    <td className="px-5 py-3 text-right tabular-nums text-zinc-700">{formatUptime(r.uptime)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </>
        )}
        <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 text-sm text-zinc-600">
          <span>
            {data.total} restaurant{data.total === 1 ? "" : "s"} · page {Math.min(data.page, pages)} of {pages}
          </span>
          <span className="flex gap-2">
            {data.page > 1 ? <Link className="text-brand-700 hover:underline" href={hrefWith(params, { page: data.page - 1 })}>Previous</Link> : null}
            {data.page < pages ? <Link className="text-brand-700 hover:underline" href={hrefWith(params, { page: data.page + 1 })}>Next</Link> : null}
          </span>
        </nav>
      </Card>
    </div>
  );
}
