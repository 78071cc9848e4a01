"use client";

import { useQuery } from "@tanstack/react-query";
import { ReceiptText } from "lucide-react";
import { useTRPC } from "~/components/trpc/react";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { OrdersTable } from "./orders-table";

/** The orders list, refreshed every few seconds so sync badges move on their own. */
export function LiveOrders({ restaurantId, limit = 50 }: { restaurantId: string; limit?: number }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.orders.list.queryOptions({ restaurantId, limit }), refetchInterval: 3_000 });
  if (q.isLoading) return <Card className="h-48 animate-pulse" aria-busy="true" aria-label="Loading orders" />;
  if (q.error) return <p role="alert" className="text-sm text-red-600">Could not load orders: {q.error.message}</p>;
  const orders = q.data?.orders ?? [];
  if (!orders.length) {
    return <EmptyState icon={ReceiptText} title="No orders yet" description="Orders from the marketplace appear here the moment they arrive, with their POS sync status." />;
  }
  return (
    <Card>
      <OrdersTable orders={orders} linkOrders />
    </Card>
  );
}
