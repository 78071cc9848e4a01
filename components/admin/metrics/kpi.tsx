import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "~/components/ui/card";

/** A headline figure that links to the rows behind it. `value` null renders an honest dash. */
export function Kpi({ label, value, hint, href }: { label: string; value: ReactNode | null; hint?: ReactNode; href: string }) {
  return (
    <Link href={href} className="group block rounded-xl focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
      <Card className="h-full px-4 py-3 transition group-hover:border-zinc-300 group-hover:shadow sm:px-5 sm:py-4">
        <p className="text-sm text-zinc-500">{label}</p>
        <p className="mt-1 text-xl font-semibold tabular-nums text-zinc-900 group-hover:text-indigo-700 sm:text-2xl">{value ?? "—"}</p>
        {hint ? <p className="mt-1 text-xs text-zinc-500">{hint}</p> : null}
      </Card>
    </Link>
  );
}

/** A number inside a table cell that links to its rows. */
export function CellLink({ href, children, label }: { href: string; children: ReactNode; label?: string }) {
  return (
    <Link href={href} aria-label={label} className="tabular-nums text-zinc-900 underline decoration-zinc-300 underline-offset-4 hover:text-indigo-700 hover:decoration-indigo-400">
      {children}
    </Link>
  );
}

export const pct = (r: number | null) => (r === null ? null : `${Math.round(r * 1000) / 10}%`);
export const ms = (v: number | null) => (v === null ? null : v < 1000 ? `${v} ms` : `${Math.round(v / 100) / 10} s`);
