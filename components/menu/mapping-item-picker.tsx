"use client";

import { Search } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { formatMoney } from "~/components/format";
import { Button } from "~/components/ui/button";

export type PosOption = {
  menuItemId: string;
  variationId: string | null;
  itemName: string;
  variationName: string | null;
  externalId: string;
  price: number | null;
  currency: string;
};

const norm = (s: string) => s.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();

/** Searchable list of the live POS items/variations; picks one. */
export function MappingItemPicker({
  dishName,
  options,
  onPick,
  onCancel,
  busy,
}: {
  dishName: string;
  options: PosOption[];
  onPick: (o: PosOption) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const matches = useMemo(() => {
    const words = norm(query).split(/\s+/).filter(Boolean);
    return options.filter((o) => {
      const hay = norm(`${o.itemName} ${o.variationName ?? ""} ${o.externalId}`);
      return words.every((w) => hay.includes(w));
    });
  }, [options, query]);
  return (
    <div className="sticky left-5 max-w-[min(36rem,calc(100vw-4.5rem))] rounded-lg border border-zinc-200 bg-zinc-50 p-3">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600">
        POS item for “{dishName}”
      </label>
      <div className="relative mt-1">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <input
          id={id}
          type="search"
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search POS items"
          className="h-9 w-full rounded-md border border-zinc-300 bg-white pl-8 pr-2 text-sm"
          aria-controls={`${id}-list`}
        />
      </div>
      <ul id={`${id}-list`} role="listbox" aria-label="POS items" className="mt-2 max-h-56 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-200 bg-white">
        {matches.slice(0, 50).map((o) => (
          <li key={`${o.menuItemId}-${o.variationId ?? ""}`} role="option" aria-selected={false}>
            <button
              type="button"
              disabled={busy}
              onClick={() => onPick(o)}
              className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-brand-50 disabled:opacity-60"
            >
              <span>
                <span className="font-medium text-zinc-900">{o.itemName}</span>
                {o.variationName ? <span className="text-zinc-500"> · {o.variationName}</span> : null}
              </span>
              <span className="shrink-0 tabular-nums text-zinc-500">{o.price === null ? "Variable" : formatMoney(o.price, o.currency)}</span>
            </button>
          </li>
        ))}
        {matches.length === 0 ? <li className="px-3 py-2 text-sm text-zinc-500">No POS item matches “{query}”.</li> : null}
      </ul>
      <div className="mt-2 flex justify-end">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
