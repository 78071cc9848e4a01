/** An audit entry's context: `from → to` diffs as lines, anything else as compact JSON. */
export function AuditMetadata({ metadata }: { metadata: Record<string, unknown> }) {
  const entries = Object.entries(metadata ?? {});
  if (!entries.length) return <span className="text-zinc-400">—</span>;
  const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  const isDiff = (v: unknown): v is { from: unknown; to: unknown } => typeof v === "object" && v !== null && "from" in v && "to" in v;
  const lines: string[] = [];
  for (const [k, v] of entries) {
    if (isDiff(v)) lines.push(`${k}: ${show(v.from)} → ${show(v.to)}`);
    else if (typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every(isDiff)) {
      for (const [kk, d] of Object.entries(v as Record<string, { from: unknown; to: unknown }>)) lines.push(`${k}.${kk}: ${show(d.from)} → ${show(d.to)}`);
    } else lines.push(`${k}: ${show(v)}`);
  }
  return (
    <ul className="min-w-56 max-w-sm space-y-0.5 font-mono text-xs text-zinc-600">
      {lines.slice(0, 6).map((l) => (
        <li key={l} className="break-words">{l}</li>
      ))}
      {lines.length > 6 ? <li className="text-zinc-400">+{lines.length - 6} more</li> : null}
    </ul>
  );
}
