/** Loading placeholder shaped like a page header, stat cards and a table. */
export function PageSkeleton() {
  return (
    <div className="animate-pulse" aria-busy="true" aria-label="Loading">
      <div className="mb-2 h-6 w-48 rounded bg-zinc-200" />
      <div className="mb-6 h-4 w-72 rounded bg-zinc-100" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-xl border border-zinc-200 bg-white" />
        ))}
      </div>
      <div className="mt-6 h-64 rounded-xl border border-zinc-200 bg-white" />
    </div>
  );
}
