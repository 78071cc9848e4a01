import type { Metadata } from "next";
import { MappingReview } from "~/components/menu/mapping-review";
import { MenuTabs } from "~/components/menu/menu-tabs";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { PageHeader } from "~/components/ui/page-header";
import { requireSeller } from "~/server/auth/guards";
import { roleAtLeast } from "~/server/tenancy/membership";

export const metadata: Metadata = { title: "Item mapping" };

export default async function MenuMappingPage() {
  const { restaurant, org } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  return (
    <>
      <PageHeader
        title="Menu"
        description={`Which POS item each of ${restaurant.name}'s marketplace dishes is sent as. Confirmed dishes reach the kitchen as the POS's own items; the rest are sent by name with your price.`}
      />
      <MenuTabs active="/menu/mapping" />
      <MappingReview restaurantId={restaurant.id} canManage={roleAtLeast(org.role, "manager")} />
    </>
  );
}
