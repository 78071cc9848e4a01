import type { ReactNode } from "react";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { UserMenu } from "./user-menu";

type Props = {
  area: "seller" | "admin";
  user: { name: string; email: string; isAdmin: boolean; hasOrg: boolean };
  /** Shown above the nav: the restaurant switcher, or the admin badge. */
  context?: ReactNode;
  /** A short label in the top bar (organization name or "Admin"). */
  heading: string;
  children: ReactNode;
};

/** Sidebar on desktop, top bar + sheet on mobile. */
export function AppShell({ area, user, context, heading, children }: Props) {
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_1fr]">
      <aside className="hidden border-r border-zinc-200 bg-white lg:flex lg:flex-col lg:gap-6 lg:px-4 lg:py-5">
        <Logo className="px-2" />
        {context}
        <NavLinks area={area} />
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/90 px-3 backdrop-blur sm:px-6">
          <MobileNav area={area}>{context}</MobileNav>
          <span className="lg:hidden">
            <Logo withName={false} />
          </span>
          <p className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-600">{heading}</p>
          <NotificationBell />
          <UserMenu {...user} />
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:py-8">{children}</main>
      </div>
    </div>
  );
}
