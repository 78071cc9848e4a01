import { UtensilsCrossed } from "lucide-react";
import type { Metadata } from "next";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { requireSeller } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Menu" };

export default async function MenuPage() {
  const { restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  return (
    <>
      <PageHeader title="Menu" description={`Dishes, prices and availability for ${restaurant.name}.`} />
      <EmptyState
        icon={UtensilsCrossed}
        title="No menu imported"
        description="Your menu will be pulled from your POS once one is connected. Menu sync is not available yet."
      />
    </>
  );
}
