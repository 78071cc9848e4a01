"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/trpc/react";
import { Card, CardHeader, Stat } from "~/components/ui/card";

/** Seed-001 stats cards plus a 14-day bar chart of synced vs failed orders. */
export function SyncStats({ restaurantId }: { restaurantId: string }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.sync.stats.queryOptions({ restaurantId }), refetchInterval: 5_000 });
  if (q.isLoading) return <div className="h-28 animate-pulse rounded-xl bg-zinc-100" aria-busy="true" aria-label="Loading sync stats" />;
  if (q.error || !q.data) return <p role="alert" className="text-sm text-red-600">{q.error?.message}</p>;
  const s = q.data;
  // Always 14 slots ending today, so one busy day reads as one bar, not a wall.
  const byDay = new Map(s.daily.map((d) => [d.day, d]));
  const days = Array.from({ length: 14 }, (_, i) => {
    const day = new Date(q.dataUpdatedAt - (13 - i) * 864e5).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, success: 0, failed: 0, other: 0 };
  });
  const max = Math.max(1, ...days.map((d) => d.success + d.failed + d.other));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Orders sent to POS" value={s.totalSyncs} />
        <Stat label="Success rate" value={s.successRate === null ? null : `${s.successRate}%`} hint={s.successRate === null ? "No orders sent yet" : `${s.successfulSyncs} of ${s.totalSyncs} in the POS`} />
        <Stat label="Failed" value={s.failedSyncs} hint="Need a manual retry" />
        <Stat label="Waiting or retrying" value={s.pendingRetries} />
      </div>
      <Card>
        <CardHeader title="Last 14 days" description="Orders per day by how their POS sync ended." />
        {s.daily.length ? (
          <div className="px-5 py-4">
            <div className="flex h-32 gap-1.5" role="img" aria-label={`Daily sync results: ${days.map((d) => `${d.day}: ${d.success} synced, ${d.failed} failed`).join("; ")}`}>
              {days.map((d) => (
                <div key={d.day} className="flex flex-1 flex-col justify-end" title={`${d.day}: ${d.success} synced, ${d.failed} failed, ${d.other} in progress`}>
                  <div className="rounded-t bg-red-400" style={{ height: `${(d.failed / max) * 100}%` }} />
                  <div className="bg-zinc-300" style={{ height: `${(d.other / max) * 100}%` }} />
                  <div className="rounded-b bg-brand-500" style={{ height: `${(d.success / max) * 100}%` }} />
                </div>
              ))}
            </div>
            <div className="mt-2 flex justify-between text-xs text-zinc-500">
              <span>{days[0]?.day}</span>
              <span className="flex gap-3">
                <span className="inline-flex items-center gap-1"><i className="size-2 rounded-sm bg-brand-500" />Synced</span>
                <span className="inline-flex items-center gap-1"><i className="size-2 rounded-sm bg-red-400" />Failed</span>
              </span>
              <span>{days.at(-1)?.day}</span>
            </div>
          </div>
        ) : (
          <p className="px-5 py-4 text-sm text-zinc-500">No orders sent to a POS in the last 14 days.</p>
        )}
      </Card>
    </div>
  );
}
