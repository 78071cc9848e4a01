import type { Metadata } from "next";
import { MenuBrowser } from "~/components/menu/menu-browser";
import { MenuTabs } from "~/components/menu/menu-tabs";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { PageHeader } from "~/components/ui/page-header";
import { requireSeller } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Menu" };

export default async function MenuPage() {
  const { restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  return (
    <>
      <PageHeader title="Menu" description={`Dishes, prices and availability for ${restaurant.name}. Mark an item sold out (86) and it is off the marketplace at once.`} />
      <MenuTabs active="/menu" />
      <MenuBrowser restaurantId={restaurant.id} />
    </>
  );
}
