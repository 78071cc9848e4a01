import type { Metadata } from "next";
import { WebhookExplorer } from "~/components/admin/webhook-explorer";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/server/auth/guards";
import { providerIds } from "~/server/integrations/registry";

export const metadata: Metadata = { title: "Webhooks" };

export default async function AdminWebhooksPage({ searchParams }: { searchParams: Promise<{ provider?: string; status?: string }> }) {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Webhooks" description="Every inbound call from a POS or channel, with its verification result and processing status." />
      <WebhookExplorer providers={[...providerIds]} initial={await searchParams} />
    </>
  );
}
