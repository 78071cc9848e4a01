import { cn } from "~/components/ui/cn";

/** The Switchboard mark: two jacks patched together. */
export function Logo({ className, withName = true }: { className?: string; withName?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900", className)}>
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <circle cx="10" cy="11" r="3" fill="white" />
        <circle cx="22" cy="21" r="3" fill="white" />
        <path d="M10 14v3a4 4 0 0 0 4 4h5" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" />
        <path d="M22 18v-3a4 4 0 0 0-4-4h-5" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" opacity=".65" />
      </svg>
      {withName ? <span>Switchboard</span> : null}
    </span>
  );
}
