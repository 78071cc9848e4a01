"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, Td } from "~/components/ui/table";
import type { SyncJobStatus } from "~/db/schema";
import { explainSyncError } from "./explain-error";
import { SyncStatusBadge } from "./sync-status-badge";

const PAGE = 20;
const FILTERS: { value: SyncJobStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  { value: "success", label: "In POS" },
  { value: "retry", label: "Retrying" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Waiting" },
];

/** Seed-001 sync history: every order's push, filterable by status, paged. */
export function SyncHistory({ restaurantId, posName }: { restaurantId: string; posName: string }) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<SyncJobStatus | "">("");
  const [offset, setOffset] = useState(0);
  const q = useQuery({
    ...trpc.sync.history.queryOptions({ restaurantId, limit: PAGE, offset, status: status || undefined }),
    refetchInterval: 5_000,
  });
  const total = q.data?.total ?? 0;
  return (
    <Card>
      <CardHeader
        title="Sync history"
        description="Every order's trip to the POS."
        action={
          <select
            aria-label="Filter by status"
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as SyncJobStatus | "");
              setOffset(0);
            }}
          >
            {FILTERS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        }
      />
      {q.isLoading ? (
        <p className="px-5 py-4 text-sm text-zinc-500" aria-busy="true">Loading…</p>
      ) : !q.data?.logs.length ? (
        <p className="px-5 py-4 text-sm text-zinc-500">{status ? "No syncs with this status." : "No orders have been sent to a POS yet."}</p>
      ) : (
        <Table columns={[{ label: "When" }, { label: "Status" }, { label: "POS order" }, { label: "Retries" }, { label: "Detail" }]}>
          {q.data.logs.map((l) => (
            <tr key={l.id}>
              <Td className="whitespace-nowrap text-zinc-600"><Link className="hover:underline" href={`/orders/${l.orderId}`}>{formatDateTime(new Date(l.createdAt))}</Link></Td>
              <Td><SyncStatusBadge status={l.status} /></Td>
              <Td className="font-mono text-xs">{l.posOrderId ?? "—"}</Td>
              <Td className="tabular-nums">{l.retryCount}</Td>
              <Td className="max-w-80 truncate text-zinc-600">
                <span title={l.lastErrorMessage ?? undefined}>
                  {l.status === "success" ? `${l.durationMs ?? "—"} ms` : explainSyncError(l.lastErrorClass, l.lastErrorMessage, posName) ?? "—"}
                </span>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {total > PAGE ? (
        <div className="flex items-center justify-between border-t border-zinc-100 px-5 py-3 text-sm text-zinc-600">
          <span>{offset + 1}–{Math.min(offset + PAGE, total)} of {total}</span>
          <span className="flex gap-2">
            <Button size="sm" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</Button>
            <Button size="sm" variant="secondary" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Next</Button>
          </span>
        </div>
      ) : null}
    </Card>
  );
}
