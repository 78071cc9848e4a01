import { ReceiptText } from "lucide-react";
import type { Metadata } from "next";
import { OrdersTable } from "~/components/orders/orders-table";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { serverApi } from "~/components/trpc/server";
import { requireSeller } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  const { restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  const { orders } = await (await serverApi()).orders.list({ restaurantId: restaurant.id, limit: 50 });
  return (
    <>
      <PageHeader title="Orders" description={`Marketplace orders for ${restaurant.name}, newest first.`} />
      {orders.length ? (
        <Card>
          <OrdersTable orders={orders} />
        </Card>
      ) : (
        <EmptyState icon={ReceiptText} title="No orders yet" description="Orders from the marketplace appear here the moment they arrive, with their POS sync status." />
      )}
    </>
  );
}
