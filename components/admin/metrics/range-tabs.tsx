import Link from "next/link";
import { cn } from "~/components/ui/cn";
import { METRICS_RANGES, type MetricsRange } from "~/server/metrics/range";

const LABEL: Record<MetricsRange, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/** Range switcher as links (?range=), so a range is shareable and works without JavaScript. */
export function RangeTabs({ current }: { current: MetricsRange }) {
  return (
    <nav aria-label="Time range" className="inline-flex rounded-lg border border-zinc-200 bg-white p-0.5 shadow-sm">
      {METRICS_RANGES.map((r) => (
        <Link
          key={r}
          href={r === "24h" ? "/admin" : `/admin?range=${r}`}
          aria-current={r === current ? "page" : undefined}
          className={cn("rounded-md px-3 py-1.5 text-sm font-medium", r === current ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100")}
        >
          {LABEL[r]}
        </Link>
      ))}
    </nav>
  );
}
