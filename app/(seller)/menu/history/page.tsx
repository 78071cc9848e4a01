import type { Metadata } from "next";
import { MenuSyncRuns } from "~/components/menu/menu-sync-runs";
import { MenuTabs } from "~/components/menu/menu-tabs";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { PageHeader } from "~/components/ui/page-header";
import { requireSeller } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Menu sync history" };

export default async function MenuHistoryPage() {
  const { restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  return (
    <>
      <PageHeader title="Menu" description={`Every menu sync from ${restaurant.name}'s POS and what it changed.`} />
      <MenuTabs active="/menu/history" />
      <MenuSyncRuns restaurantId={restaurant.id} />
    </>
  );
}
