"use client";

import { useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { formatDateTime } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";

const TONE = { running: "info", success: "success", partial: "warning", failed: "danger" } as const;
const LABEL = { running: "Running", success: "Success", partial: "Partial", failed: "Failed" } as const;

/** Menu sync runs, newest first: trigger, status, counts; row errors expandable. */
export function MenuSyncRuns({ restaurantId }: { restaurantId: string }) {
  const trpc = useTRPC();
  const runs = useQuery({ ...trpc.menu.syncRuns.queryOptions({ restaurantId, limit: 50 }), refetchInterval: 5_000 });
  if (runs.isPending) return <div aria-busy="true" className="h-40 animate-pulse rounded-xl bg-zinc-100" />;
  if (runs.isError) return <p role="alert" className="text-sm text-red-600">{runs.error.message}</p>;
  if (!runs.data.length) return <EmptyState icon={History} title="No menu syncs yet" description="Each time the menu is pulled from your POS it shows here with what changed." />;
  return (
    <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white">
      {runs.data.map((r) => (
        <li key={r.id} className="px-4 py-3 text-sm" data-testid="sync-run">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex items-center gap-2">
              <Badge tone={TONE[r.status]}>{LABEL[r.status]}</Badge>
              <span className="capitalize text-zinc-700">{r.trigger}</span>
              <span className="text-zinc-400">{formatDateTime(r.startedAt)}</span>
            </div>
            <span className="text-zinc-600">
              {r.status === "success" || r.status === "partial" ? `${r.itemsSynced} items in ${r.categoriesSynced} categories · ` : ""}
              {r.createdCount} created · {r.updatedCount} updated · {r.removedCount} removed · {r.unchangedCount} unchanged
              {r.durationMs !== null ? ` · ${(r.durationMs / 1000).toFixed(1)} s` : ""}
            </span>
          </div>
          {r.errorMessage ? <p className="mt-1 text-red-600">{r.errorMessage}</p> : null}
          {r.errors.length ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-amber-700">{r.errors.length} row problems</summary>
              <ul className="mt-1 list-disc pl-5 text-zinc-600">
                {r.errors.map((e, i) => (
                  <li key={i}>
                    {e.kind}
                    {e.externalId ? ` ${e.externalId}` : ""}: {e.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
