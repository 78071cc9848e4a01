import { CheckCircle2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { FailureTriage } from "~/components/admin/failure-triage";
import { formatDateTime } from "~/components/format";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { serverApi } from "~/components/trpc/server";
import { requireAdmin } from "~/server/auth/guards";
import { providerIds } from "~/server/integrations/registry";

export const metadata: Metadata = { title: "Failures" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ERROR_CLASSES = ["auth", "validation", "mapping_failed", "rate_limited", "unavailable", "internal"];

function filterHref(f: { provider?: string; errorClass?: string; restaurantId?: string }) {
  const qs = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1]));
  const s = qs.toString();
  return `/admin/failures${s ? `?${s}` : ""}`;
}

/** Failed-sync triage: open failures grouped by cause, then the list to retry or resolve. Filters live in the URL. */
export default async function AdminFailuresPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdmin();
  const sp = await searchParams;
  const filter = {
    provider: providerIds.includes(sp.provider as never) ? sp.provider : undefined,
    errorClass: ERROR_CLASSES.includes(sp.errorClass ?? "") ? sp.errorClass : undefined,
    restaurantId: UUID.test(sp.restaurantId ?? "") ? sp.restaurantId : undefined,
  };
  const api = await serverApi();
  const [groups, restaurant] = await Promise.all([
    api.adminMonitoring.failureGroups({ restaurantId: filter.restaurantId }),
    filter.restaurantId ? api.adminMonitoring.restaurant({ restaurantId: filter.restaurantId }).then((d) => d.restaurant).catch(() => null) : null,
  ]);
  const total = groups.reduce((n, g) => n + g.count, 0);
  return (
    <>
      <PageHeader
        title="Failures"
        description={`Orders that could not be sent to the POS and that nobody has resolved yet${restaurant ? ` · ${restaurant.name}` : ""}.`}
        actions={restaurant ? <Link href={`/admin/restaurants/${restaurant.id}`} className="text-sm text-brand-700 hover:underline">Back to {restaurant.name}</Link> : null}
      />
      <div className="space-y-6">
        {!total ? (
          <EmptyState icon={CheckCircle2} title="No open failures" description={restaurant ? `Every order of ${restaurant.name} reached its POS or was resolved.` : "Every order reached its POS or was resolved. Failures show up here grouped by cause."} />
        ) : (
          <Card>
            <CardHeader title="By cause" description={`${total} open failure${total === 1 ? "" : "s"}, grouped by POS and error class. Pick a group to work on it.`} />
            <ul className="divide-y divide-zinc-100">
              {groups.map((g) => {
                const active = filter.provider === (g.provider ?? undefined) && filter.errorClass === (g.errorClass ?? undefined);
                return (
                  <li key={`${g.provider}-${g.errorClass}`}>
                    <Link
                      href={filterHref({ provider: g.provider ?? undefined, errorClass: g.errorClass ?? undefined, restaurantId: filter.restaurantId })}
                      aria-current={active ? "true" : undefined}
                      className={cn("flex flex-col gap-2 px-5 py-4 hover:bg-zinc-50 sm:flex-row sm:items-center sm:justify-between", active && "bg-brand-50")}
                    >
                      <span className="min-w-0">
                        <span className="font-medium text-zinc-900">{g.providerName} · {g.errorClass ?? "unknown"}</span>
                        <span className="mt-0.5 block text-sm text-zinc-600">{g.cause}</span>
                      </span>
                      <span className="shrink-0 text-sm text-zinc-500 sm:text-right">
                        <span className="text-base font-semibold tabular-nums text-red-700">{g.count}</span> in {g.restaurants} restaurant{g.restaurants === 1 ? "" : "s"}
                        <span className="block text-xs">{g.oldest ? `oldest ${formatDateTime(g.oldest)}` : ""}{g.newest ? ` · newest ${formatDateTime(g.newest)}` : ""}</span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </Card>
        )}
        <FailureTriage filter={filter} providers={[...providerIds]} errorClasses={ERROR_CLASSES} restaurantName={restaurant?.name ?? null} />
      </div>
    </>
  );
}
