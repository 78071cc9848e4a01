import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { Badge } from "~/components/ui/badge";
import { requireAdmin } from "~/server/auth/guards";
import { loadActiveMembership } from "~/server/tenancy/membership";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { session, db } = await requireAdmin();
  const hasOrg = !!(await loadActiveMembership(db, session.user.id));
  return (
    <AppShell
      area="admin"
      heading="Platform admin"
      user={{ name: session.user.name ?? "", email: session.user.email ?? "", isAdmin: true, hasOrg }}
      context={<Badge tone="info" className="self-start">Admin console</Badge>}
    >
      {children}
    </AppShell>
  );
}
