import type { Metadata } from "next";
import { LiveOrders } from "~/components/orders/live-orders";
import { SendTestOrderButton } from "~/components/orders/send-test-order-button";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { PageHeader } from "~/components/ui/page-header";
import { requireSeller } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  const { restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  return (
    <>
      <PageHeader
        title="Orders"
        description={`Marketplace orders for ${restaurant.name}, newest first, with whether each reached your POS.`}
        actions={<SendTestOrderButton restaurantId={restaurant.id} />}
      />
      <LiveOrders restaurantId={restaurant.id} />
    </>
  );
}
