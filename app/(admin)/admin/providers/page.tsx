import { Plug } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/server/auth/guards";

export const metadata: Metadata = { title: "Providers" };

export default async function AdminProvidersPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Providers" description="POS and channel providers, their platform credentials and health." />
      <EmptyState icon={Plug} title="No providers installed" description="No POS adapter is installed on this platform yet, so there is nothing to configure or monitor." />
    </>
  );
}
