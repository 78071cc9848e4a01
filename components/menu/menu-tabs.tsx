import Link from "next/link";
import { cn } from "~/components/ui/cn";

const TABS = [
  { href: "/menu", label: "Menu" },
  { href: "/menu/history", label: "Sync history" },
  { href: "/menu/mapping", label: "Mapping" },
] as const;

/** Menu / Sync history / Mapping, shared by the menu pages. */
export function MenuTabs({ active }: { active: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Menu sections" className="mb-5 flex gap-1 border-b border-zinc-200">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === active ? "page" : undefined}
          className={cn(
            "-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
            t.href === active ? "border-brand-600 text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
