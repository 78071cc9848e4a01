"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { timeAgo } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";

const STALE_MS = 3 * 60_000;

/** The scheduler's pulse: when the heartbeat job last ran and through which driver. */
export function HeartbeatCard({ jobsDriver }: { jobsDriver: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const overview = useQuery({ ...trpc.admin.overview.queryOptions(), refetchInterval: 10_000 });
  const run = useMutation(
    trpc.admin.runHeartbeat.mutationOptions({
      onSuccess: () => setTimeout(() => void qc.invalidateQueries(trpc.admin.overview.queryFilter()), 500),
    }),
  );
  const hb = overview.data?.heartbeats.find((h) => h.name === "heartbeat");
  // Judged against when the data was fetched, so rendering stays pure.
  const fetchedAt = new Date(overview.dataUpdatedAt);
  const stale = hb ? fetchedAt.getTime() - new Date(hb.lastRunAt).getTime() > STALE_MS : true;
  return (
    <Card>
      <CardHeader
        title="Background jobs"
        description={`Driver: ${jobsDriver === "inline" ? "in-process (no Inngest configured)" : "Inngest"}`}
        action={
          <Button size="sm" variant="secondary" onClick={() => run.mutate()} disabled={run.isPending}>
            <Activity aria-hidden />
            {run.isPending ? "Sending…" : "Run heartbeat"}
          </Button>
        }
      />
      <div className="flex flex-wrap items-center gap-3 px-5 py-4 text-sm" aria-live="polite">
        {overview.isLoading ? (
          <span className="text-zinc-500">Loading…</span>
        ) : hb ? (
          <>
            <Badge tone={stale ? "warning" : "success"}>{stale ? "Stale" : "Healthy"}</Badge>
            <span className="text-zinc-700">
              Last heartbeat <time dateTime={new Date(hb.lastRunAt).toISOString()}>{timeAgo(new Date(hb.lastRunAt), fetchedAt)}</time> via {hb.driver}
            </span>
            <span className="text-zinc-500">· {hb.runCount} {hb.runCount === 1 ? "run" : "runs"}</span>
          </>
        ) : (
          <>
            <Badge tone="warning">No runs yet</Badge>
            <span className="text-zinc-500">The scheduler has not recorded a heartbeat.</span>
          </>
        )}
        {run.error ? <span role="alert" className="text-red-600">{run.error.message}</span> : null}
      </div>
    </Card>
  );
}
