"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "~/components/ui/cn";
import { ADMIN_NAV, SELLER_NAV } from "./nav";

const NAVS = { seller: SELLER_NAV, admin: ADMIN_NAV };

export function NavLinks({ area, onNavigate }: { area: keyof typeof NAVS; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {NAVS[area].map(({ href, label, icon: Icon, exact }) => {
        const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
              active && "bg-brand-50 text-brand-700 hover:bg-brand-50 hover:text-brand-700",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
