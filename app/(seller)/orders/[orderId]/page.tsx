import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OrderDetail } from "~/components/orders/order-detail";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { requireSeller } from "~/server/auth/guards";
import { liveConnection } from "~/server/connections/manage";
import { getProvider } from "~/server/integrations/registry";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { db, restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  const { orderId } = await params;
  if (!z.uuid().safeParse(orderId).success) notFound();
  const conn = await liveConnection(db, restaurant.id);
  return <OrderDetail restaurantId={restaurant.id} orderId={orderId} posName={conn ? getProvider(conn.provider).metadata.name : "the POS"} />;
}
