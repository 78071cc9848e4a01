import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { RestaurantSwitcher } from "~/components/shell/restaurant-switcher";
import { requireSeller } from "~/server/auth/guards";

export default async function SellerLayout({ children }: { children: ReactNode }) {
  const { session, org, restaurants, restaurant } = await requireSeller();
  return (
    <AppShell
      area="seller"
      heading={org.organizationName}
      user={{ name: session.user.name ?? "", email: session.user.email ?? "", isAdmin: session.user.isAdmin, hasOrg: true }}
      context={<RestaurantSwitcher restaurants={restaurants.map(({ id, name }) => ({ id, name }))} currentId={restaurant?.id ?? null} />}
    >
      {children}
    </AppShell>
  );
}
