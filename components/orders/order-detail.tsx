"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, RotateCcw } from "lucide-react";
import Link from "next/link";
import { formatDateTime, formatMoney } from "~/components/format";
import { explainSyncError } from "~/components/sync/explain-error";
import { SyncStatusBadge } from "~/components/sync/sync-status-badge";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { OrderStatusBadge } from "./order-status-badge";
import { StatusTimeline } from "./status-timeline";

/** One order: what was ordered, where it stands, and every attempt to put it in the POS. */
export function OrderDetail({ restaurantId, orderId, posName }: { restaurantId: string; orderId: string; posName: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery({ ...trpc.orders.detail.queryOptions({ restaurantId, orderId }), refetchInterval: 3_000 });
  const retry = useMutation(
    trpc.orders.retry.mutationOptions({ onSuccess: () => void qc.invalidateQueries(trpc.orders.detail.queryFilter()) }),
  );
  if (q.isLoading) return <Card className="h-64 animate-pulse" aria-busy="true" aria-label="Loading order" />;
  if (q.error || !q.data) return <p role="alert" className="text-sm text-red-600">{q.error?.message ?? "Order not found"}</p>;
  const o = q.data;
  const job = o.syncJobs[0];
  const canRetry = job && job.status !== "success" && job.status !== "syncing";
  const money = (n: number) => formatMoney(n, o.currency);
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <Link href="/orders" className="mb-2 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
            <ArrowLeft className="size-4" aria-hidden /> Orders
          </Link>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight">
            Order {o.externalId} <OrderStatusBadge status={o.status} /> <SyncStatusBadge status={job?.status} />
          </h1>
          <p className="mt-1 text-sm text-zinc-500">
            {o.customerName} · {o.type.replace("_", " ")} · placed {formatDateTime(new Date(o.placedAt))}
          </p>
        </div>
        {canRetry ? (
          <Button onClick={() => retry.mutate({ orderId: o.id })} disabled={retry.isPending}>
            <RotateCcw aria-hidden /> {retry.isPending ? "Retrying…" : "Retry now"}
          </Button>
        ) : null}
      </div>
      {retry.error ? <p role="alert" className="text-sm text-red-600">{retry.error.message}</p> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="POS sync" description={job?.posOrderId ? `${posName} order ${job.posOrderId}` : job?.lastErrorMessage && job.status === "pending" ? job.lastErrorMessage : undefined} />
            {job && job.attempts.length ? (
              <ol className="divide-y divide-zinc-100" aria-label="Sync attempts">
                {job.attempts.map((a) => (
                  <li key={a.id} className="flex gap-3 px-5 py-3 text-sm">
                    <Badge tone={a.outcome === "success" ? "success" : a.outcome === "retry" ? "warning" : "danger"} className="h-fit">
                      #{a.attemptNumber} {a.outcome.replace("_", " ")}
                    </Badge>
                    <div className="min-w-0 flex-1">
                      <p className="text-zinc-800">{a.outcome === "success" ? `Accepted by ${posName}` : explainSyncError(a.errorClass, a.errorMessage, posName)}</p>
                      <p className="text-xs text-zinc-500">
                        {formatDateTime(new Date(a.startedAt))} · {a.durationMs} ms{a.httpStatus ? ` · HTTP ${a.httpStatus}` : ""}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="px-5 py-4 text-sm text-zinc-500">No attempt yet.</p>
            )}
            {job?.status === "retry" ? (
              <p className="border-t border-zinc-100 px-5 py-3 text-sm text-amber-800">
                Next attempt {formatDateTime(new Date(job.nextAttemptAt))} · {job.retryCount} of {job.maxRetries} retries used
              </p>
            ) : null}
          </Card>
          <StatusTimeline history={o.statusHistory} />
        </div>

        <Card>
          <CardHeader title="Items" />
          <ul className="divide-y divide-zinc-100 text-sm">
            {o.items.map((i) => (
              <li key={i.id} className="flex justify-between gap-3 px-5 py-2.5">
                <span>
                  {i.quantity}× {i.name}
                  {i.modifiers.length ? <span className="block text-xs text-zinc-500">{i.modifiers.map((m) => m.name).join(", ")}</span> : null}
                  {i.note ? <span className="block text-xs text-zinc-500">“{i.note}”</span> : null}
                </span>
                <span className="tabular-nums">{money(i.totalPrice)}</span>
              </li>
            ))}
          </ul>
          <dl className="space-y-1 border-t border-zinc-100 px-5 py-3 text-sm">
            {[["Subtotal", o.subtotalAmount], ["Tax", o.taxAmount], ["Delivery", o.deliveryFeeAmount], ["Tip", o.tipAmount], ["Discount", -o.discountAmount]]
              .filter(([, v]) => v !== 0)
              .map(([k, v]) => (
                <div key={k as string} className="flex justify-between text-zinc-600"><dt>{k}</dt><dd className="tabular-nums">{money(v as number)}</dd></div>
              ))}
            <div className="flex justify-between font-semibold"><dt>Total</dt><dd className="tabular-nums">{money(o.totalAmount)}</dd></div>
          </dl>
          {o.specialInstructions ? <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-600">Note: {o.specialInstructions}</p> : null}
        </Card>
      </div>
    </div>
  );
}
