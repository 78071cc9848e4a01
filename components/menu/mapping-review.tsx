"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Link2, RefreshCw, UtensilsCrossed, X } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { formatMoney } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, Td } from "~/components/ui/table";
import { ConfidenceBadge, methodLabel } from "./mapping-confidence-badge";
import { MappingItemPicker, type PosOption } from "./mapping-item-picker";

type Filter = "review" | "all";

/** Menu → Mapping: every marketplace dish, the POS item it goes as, and the seller's decision. */
export function MappingReview({ restaurantId, canManage }: { restaurantId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>("review");
  const [picking, setPicking] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery(trpc.mapping.list.queryOptions({ restaurantId }));
  const options = useQuery({ ...trpc.mapping.posOptions.queryOptions({ restaurantId }), enabled: canManage && !!list.data?.hasMenu });
  const refresh = () => qc.invalidateQueries(trpc.mapping.list.queryFilter());
  const onError = (e: { message: string }) => setNotice(e.message);
  const confirm = useMutation(trpc.mapping.confirm.mutationOptions({ onSuccess: () => (setPicking(null), refresh()), onError }));
  const reject = useMutation(trpc.mapping.reject.mutationOptions({ onSuccess: refresh, onError }));
  const confirmHigh = useMutation(
    trpc.mapping.confirmAllHigh.mutationOptions({ onSuccess: (r) => (setNotice(`${r.confirmed} high-confidence ${r.confirmed === 1 ? "mapping" : "mappings"} confirmed.`), refresh()), onError }),
  );
  const rerun = useMutation(
    trpc.mapping.rerun.mutationOptions({
      onSuccess: (r) => (setNotice(`Matching finished: ${r.suggested} suggested, ${r.autoConfirmed} matched by POS id, ${r.unmatched} without a match, ${r.kept} already decided (kept).`), refresh()),
      onError,
    }),
  );
  const busy = confirm.isPending || reject.isPending || confirmHigh.isPending || rerun.isPending;

  if (list.isLoading) return <p className="text-sm text-zinc-500" aria-busy="true">Loading dishes…</p>;
  if (list.error) return <p role="alert" className="text-sm text-red-600">Could not load the item mapping: {list.error.message}</p>;
  const data = list.data!;
  if (!data.connection) {
    return (
      <EmptyState
        icon={Link2}
        title="No POS connected"
        description="Connect your POS first: dishes are mapped to the items of its menu."
        action={<Button asChild><Link href="/integrations">Go to Integrations</Link></Button>}
      />
    );
  }
  if (!data.dishes.length) {
    return (
      <EmptyState
        icon={UtensilsCrossed}
        title="No dishes yet"
        description="Dishes appear here when the marketplace sends its dish list or the first orders for them arrive. Until then every order line is sent to the POS by name."
      />
    );
  }

  const needsReview = (d: (typeof data.dishes)[number]) => !d.mapping || (d.mapping.status === "suggested" && d.mapping.band !== "high") || d.mapping.removed || d.mapping.soldOut;
  const rows = filter === "review" ? data.dishes.filter(needsReview) : data.dishes;
  const highPending = data.dishes.filter((d) => d.mapping?.status === "suggested" && d.mapping.band === "high").length;
  const confirmed = data.dishes.filter((d) => d.mapping?.status === "confirmed").length;

  return (
    <div className="space-y-4">
      {!data.hasMenu ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
          No menu has been synced from your POS yet, so there is nothing to match against. <Link href="/menu" className="font-medium underline">Sync the menu</Link>, then come back.
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="flex items-start justify-between gap-3 rounded-md border border-zinc-200 bg-white px-3 py-2.5 text-sm text-zinc-700">
          {notice}
          <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss" className="text-zinc-400 hover:text-zinc-700">
            <X className="size-4" aria-hidden />
          </button>
        </p>
      ) : null}
      <Card>
        <CardHeader
          title="Item mapping"
          description={`${confirmed} of ${data.dishes.length} dishes confirmed. Only confirmed mappings are used; an order whose mapped POS item is gone or sold out is held back and you are told.`}
        />
        <div className="flex flex-col gap-3 border-b border-zinc-100 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div role="group" aria-label="Filter dishes" className="inline-flex rounded-md border border-zinc-200 p-0.5">
            {(["review", "all"] as const).map((f) => (
              <button
                key={f}
                type="button"
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
                className={`rounded px-3 py-1 text-sm ${filter === f ? "bg-zinc-900 text-white" : "text-zinc-600 hover:text-zinc-900"}`}
              >
                {f === "review" ? `Needs review (${data.dishes.filter(needsReview).length})` : `All (${data.dishes.length})`}
              </button>
            ))}
          </div>
          {canManage ? (
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="secondary" disabled={busy || !data.hasMenu} onClick={() => rerun.mutate({ restaurantId })}>
                <RefreshCw className="size-4" aria-hidden /> Re-run matching
              </Button>
              <Button size="sm" disabled={busy || highPending === 0} onClick={() => confirmHigh.mutate({ restaurantId })}>
                <Check className="size-4" aria-hidden /> Confirm all high-confidence{highPending ? ` (${highPending})` : ""}
              </Button>
            </div>
          ) : null}
        </div>
        {rows.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-zinc-500">Nothing needs review: every dish is confirmed or matched with high confidence.</p>
        ) : (
          <Table
            minWidth="52rem"
            columns={[{ label: "Dish" }, { label: "POS item" }, { label: "Confidence" }, { label: "Status" }, { label: "Actions", align: "right" }]}
          >
            {rows.map((d) => {
              const m = d.mapping;
              return (
                <Fragment key={d.id}>
                  <tr data-testid={`mapping-row-${d.externalId}`}>
                    <Td>
                      <p className="font-medium text-zinc-900">{d.name}</p>
                      <p className="text-xs text-zinc-500">
                        {d.priceAmount !== null && d.currency ? formatMoney(d.priceAmount, d.currency) : "No price"} · <span className="font-mono">{d.externalId}</span>
                      </p>
                    </Td>
                    <Td>
                      {m && m.status !== "rejected" ? (
                        <>
                          <p className="text-zinc-900">
                            {m.item.name}
                            {m.variation ? <span className="text-zinc-500"> · {m.variation.name}</span> : null}
                          </p>
                          <p className="text-xs text-zinc-500">
                            {m.price !== null ? formatMoney(m.price, m.currency) : "Variable price"} · {methodLabel(m.method)}
                          </p>
                          {m.removed ? <p className="mt-1 text-xs font-medium text-red-700">Removed from the POS menu</p> : m.soldOut ? <p className="mt-1 text-xs font-medium text-amber-800">Sold out on the POS</p> : null}
                        </>
                      ) : (
                        <p className="text-zinc-500">{m?.status === "rejected" ? "Not mapped (suggestion rejected)" : "No match"} · sent by name</p>
                      )}
                    </Td>
                    <Td>{m && m.status !== "rejected" ? <ConfidenceBadge band={m.band} confidence={m.confidence} /> : <span className="text-zinc-400">—</span>}</Td>
                    <Td>
                      {!m ? (
                        <Badge>Unmapped</Badge>
                      ) : m.status === "confirmed" ? (
                        <Badge tone="success">{m.autoConfirmed ? "Confirmed (POS id)" : "Confirmed"}</Badge>
                      ) : m.status === "rejected" ? (
                        <Badge tone="danger">Rejected</Badge>
                      ) : (
                        <Badge tone="info">Suggested</Badge>
                      )}
                    </Td>
                    <Td align="right">
                      {canManage ? (
                        <div className="flex justify-end gap-1.5">
                          {m?.status === "suggested" ? (
                            <Button size="sm" disabled={busy} onClick={() => confirm.mutate({ restaurantId, dishId: d.id })} aria-label={`Confirm ${d.name}`}>
                              Confirm
                            </Button>
                          ) : null}
                          <Button size="sm" variant="secondary" disabled={busy || !data.hasMenu} onClick={() => setPicking(picking === d.id ? null : d.id)} aria-expanded={picking === d.id}>
                            {m && m.status !== "rejected" ? "Change" : "Map"}
                          </Button>
                          {m && m.status !== "rejected" ? (
                            <Button size="sm" variant="ghost" disabled={busy} onClick={() => reject.mutate({ restaurantId, dishId: d.id })} aria-label={`Reject mapping for ${d.name}`}>
                              Reject
                            </Button>
                          ) : null}
                        </div>
                      ) : null}
                    </Td>
                  </tr>
                  {picking === d.id ? (
                    <tr>
                      <td colSpan={5} className="px-5 pb-4">
                        <MappingItemPicker
                          dishName={d.name}
                          options={(options.data ?? []) as PosOption[]}
                          busy={confirm.isPending}
                          onCancel={() => setPicking(null)}
                          onPick={(o) => confirm.mutate({ restaurantId, dishId: d.id, menuItemId: o.menuItemId, variationId: o.variationId })}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table>
        )}
      </Card>
    </div>
  );
}
