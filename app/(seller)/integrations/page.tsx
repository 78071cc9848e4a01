import type { Metadata } from "next";
import { ConnectionPanel } from "~/components/integrations/connection-panel";
import { MappingLinkCard } from "~/components/menu/mapping-link-card";
import { ProviderCatalog } from "~/components/integrations/provider-catalog";
import { NoRestaurant } from "~/components/shell/no-restaurant";
import { SyncHistory } from "~/components/sync/sync-history";
import { SyncStats } from "~/components/sync/sync-stats";
import { PageHeader } from "~/components/ui/page-header";
import { WebhookSecretCard } from "~/components/webhooks/webhook-secret-card";
import { serverApi } from "~/components/trpc/server";
import { requireSeller } from "~/server/auth/guards";
import { getProvider } from "~/server/integrations/registry";
import { roleAtLeast } from "~/server/tenancy/membership";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<{ connected?: string; error?: string }> }) {
  const { restaurant, org } = await requireSeller();
  if (!restaurant) return <NoRestaurant />;
  const { connected, error } = await searchParams;
  const api = await serverApi();
  const [providers, conn] = await Promise.all([api.integrations.providers(), api.integrations.get({ restaurantId: restaurant.id })]);
  const canManage = roleAtLeast(org.role, "manager");
  const posName = conn ? getProvider(conn.provider).metadata.name : "the POS";
  return (
    <>
      <PageHeader title="Integrations" description={`Point-of-sale connection for ${restaurant.name}.`} />
      {error ? <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">{error}</p> : null}
      {connected && conn ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2.5 text-sm text-emerald-800">
          {posName} is connected.{conn.externalLocationId ? "" : " Choose the location that should receive orders."}
        </p>
      ) : null}
      {conn ? (
        <div className="space-y-6">
          <div className="grid gap-6 lg:grid-cols-2">
            <ConnectionPanel restaurantId={restaurant.id} providerName={posName} canManage={canManage} sandbox={providers.find((p) => p.id === conn.provider)?.sandbox ?? false} connectFields={providers.find((p) => p.id === conn.provider)?.connectFields} />
            <MappingLinkCard providerName={posName} />
          </div>
          <WebhookSecretCard restaurantId={restaurant.id} providerName={posName} canManage={canManage} />
          <SyncStats restaurantId={restaurant.id} />
          <SyncHistory restaurantId={restaurant.id} posName={posName} />
        </div>
      ) : (
        <div className="space-y-6">
          <ProviderCatalog providers={providers} restaurantId={restaurant.id} canManage={canManage} />
          <SyncHistory restaurantId={restaurant.id} posName={posName} />
        </div>
      )}
    </>
  );
}
