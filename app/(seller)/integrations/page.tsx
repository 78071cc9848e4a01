import { Cable } from "lucide-react";
import type { Metadata } from "next";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { requireSeller } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const { restaurant } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  return (
    <>
      <PageHeader title="Integrations" description={`Point-of-sale and channel connections for ${restaurant.name}.`} />
      <EmptyState
        icon={Cable}
        title="No POS connected"
        description="Connecting a POS is not available yet. Until then, orders are kept here and nothing is sent to your kitchen system."
      />
    </>
  );
}
