import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { RestaurantsTable, type RestaurantsParams } from "~/components/admin/restaurants-table";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { serverApi } from "~/components/trpc/server";
import { requireAdmin } from "~/server/auth/guards";
import { providerIds } from "~/server/integrations/registry";
import { RESTAURANT_SORTS } from "~/server/admin/restaurant-health";

export const metadata: Metadata = { title: "Restaurants" };

const HEALTHS = ["online", "degraded", "offline", "none"] as const;
const pick = <T extends string>(v: string | undefined, allowed: readonly T[]) => (allowed.includes(v as T) ? (v as T) : undefined);

/** Every restaurant with its POS health; filters, sort and page live in the URL (links from the overview land here). */
export default async function AdminRestaurantsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdmin();
  const sp = await searchParams;
  const params: RestaurantsParams = {
    provider: pick(sp.provider, providerIds),
    health: pick(sp.health, HEALTHS),
    q: sp.q?.trim().slice(0, 100) || undefined,
    sort: pick(sp.sort, RESTAURANT_SORTS) ?? "name",
    dir: sp.dir === "desc" ? "desc" : "asc",
    page: Math.min(Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1), 10_000),
  };
  const data = await (await serverApi()).adminMonitoring.restaurants({ ...params, pageSize: 25 });
  const filtered = !!(params.provider || params.health || params.q);
  return (
    <>
      <PageHeader title="Restaurants" description="Every restaurant on the platform with its POS health, circuit breaker, last sync, open failures and 24-hour uptime." />
      {!data.total && !filtered ? (
        <EmptyState icon={Building2} title="No restaurants yet" description="Restaurants appear here as sellers sign up." />
      ) : (
        <RestaurantsTable data={data} params={params} providers={[...providerIds]} />
      )}
    </>
  );
}
