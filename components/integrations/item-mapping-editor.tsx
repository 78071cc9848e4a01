"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";

type Mapping = Record<string, { posItemId: string; posVariationId?: string }>;

/**
 * Dish → POS item. A mapped dish is sent as the POS's own catalog item (its kitchen routing,
 * reporting and stock apply); an unmapped one is sent as a named custom line with our price.
 */
export function ItemMappingEditor({ restaurantId, providerName, canManage }: { restaurantId: string; providerName: string; canManage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const conn = useQuery(trpc.integrations.get.queryOptions({ restaurantId }));
  const dishes = useQuery(trpc.integrations.dishes.queryOptions({ restaurantId }));
  const catalog = useQuery({ ...trpc.integrations.posCatalog.queryOptions({ restaurantId }), enabled: conn.data?.status === "active" });
  const [draft, setDraft] = useState<Mapping | null>(null);
  const save = useMutation(
    trpc.integrations.update.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        void qc.invalidateQueries(trpc.integrations.get.queryFilter());
      },
    }),
  );
  const mapping: Mapping = draft ?? conn.data?.itemMapping ?? {};
  const key = (i: { posItemId: string; posVariationId?: string }) => `${i.posItemId}|${i.posVariationId ?? ""}`;

  return (
    <Card>
      <CardHeader
        title="Item mapping"
        description={`Match your dishes to ${providerName} items. Unmatched dishes are sent as custom items with your price.`}
        action={
          canManage && draft ? (
            <Button size="sm" onClick={() => save.mutate({ restaurantId, itemMapping: draft })} disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save mapping"}
            </Button>
          ) : null
        }
      />
      {dishes.isLoading || catalog.isLoading ? (
        <p className="px-5 py-4 text-sm text-zinc-500" aria-busy="true">Loading dishes and {providerName} items…</p>
      ) : catalog.error ? (
        <p role="alert" className="px-5 py-4 text-sm text-red-600">Could not load the {providerName} catalog: {catalog.error.message}</p>
      ) : !dishes.data?.length ? (
        <p className="px-5 py-4 text-sm text-zinc-500">Dishes appear here once orders for them arrive.</p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {dishes.data.map((d) => {
            const current = mapping[d.dishId];
            return (
              <li key={d.dishId} className="grid gap-2 px-5 py-3 text-sm sm:grid-cols-[1fr_1.4fr] sm:items-center">
                <label htmlFor={`map-${d.dishId}`}>
                  <span className="font-medium text-zinc-900">{d.name}</span>
                  <span className="block text-xs text-zinc-500">{d.dishId}</span>
                </label>
                <select
                  id={`map-${d.dishId}`}
                  className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm disabled:opacity-60"
                  disabled={!canManage}
                  value={current ? key(current) : ""}
                  onChange={(e) => {
                    const next = { ...mapping };
                    const item = catalog.data?.find((c) => key({ posItemId: c.posItemId, posVariationId: c.posVariationId }) === e.target.value);
                    if (item) next[d.dishId] = { posItemId: item.posItemId, posVariationId: item.posVariationId };
                    else delete next[d.dishId];
                    setDraft(next);
                  }}
                >
                  <option value="">Not mapped (custom item)</option>
                  {catalog.data?.map((c) => (
                    <option key={key({ posItemId: c.posItemId, posVariationId: c.posVariationId })} value={key({ posItemId: c.posItemId, posVariationId: c.posVariationId })}>
                      {c.name}
                      {c.variationName ? ` — ${c.variationName}` : ""}
                      {c.price !== undefined && c.currency ? ` · ${formatMoney(c.price, c.currency)}` : ""}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      {save.error ? <p role="alert" className="px-5 pb-4 text-sm text-red-600">{save.error.message}</p> : null}
    </Card>
  );
}
