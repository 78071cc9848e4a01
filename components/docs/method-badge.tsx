import { cn } from "~/components/ui/cn";

const TONE = {
  GET: "bg-sky-50 text-sky-700 ring-sky-200",
  POST: "bg-brand-50 text-brand-700 ring-brand-100",
  PUT: "bg-amber-50 text-amber-800 ring-amber-200",
} as const;

export function MethodBadge({ method, className }: { method: keyof typeof TONE; className?: string }) {
  return (
    <span className={cn("inline-flex w-12 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset", TONE[method], className)}>
      {method}
    </span>
  );
}
