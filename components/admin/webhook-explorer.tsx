"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcw, X } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, Td } from "~/components/ui/table";

const STATUSES = ["received", "processed", "failed", "ignored", "rejected", "unmatched"] as const;
type Status = (typeof STATUSES)[number];
const TONE: Record<Status, "neutral" | "success" | "warning" | "danger" | "info"> = {
  received: "info",
  processed: "success",
  failed: "danger",
  ignored: "neutral",
  rejected: "danger",
  unmatched: "warning",
};
const selectClass = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm";

/** Every inbound webhook call: filter, inspect the (redacted) payload, reprocess what failed. */
export function WebhookExplorer({ providers, initial }: { providers: string[]; initial?: { provider?: string; status?: string } }) {
  const trpc = useTRPC();
  // Deep links from the admin overview (/admin/webhooks?provider=&status=) preselect the filters.
  const [provider, setProvider] = useState(initial?.provider && providers.includes(initial.provider) ? initial.provider : "");
  const [status, setStatus] = useState<Status | "">(STATUSES.find((s) => s === initial?.status) ?? "");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const filter = {
    limit: 200,
    ...(provider ? { provider } : {}),
    ...(status ? { status } : {}),
    ...(from ? { from: new Date(from) } : {}),
    ...(to ? { to: new Date(to) } : {}),
  };
  const list = useQuery({ ...trpc.admin.webhookEvents.queryOptions(filter), refetchInterval: 5_000 });
  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3 px-5 py-4">
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-zinc-900">Provider</span>
          <select className={selectClass} value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">All</option>
            {providers.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-zinc-900">Status</span>
          <select className={selectClass} value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
            <option value="">All</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-zinc-900">From</span>
          <input type="datetime-local" className={selectClass} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-zinc-900">To</span>
          <input type="datetime-local" className={selectClass} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </Card>
      {list.error ? <p role="alert" className="text-sm text-red-600">{list.error.message}</p> : null}
      <Card>
        <Table columns={[{ label: "Received" }, { label: "Provider" }, { label: "Event" }, { label: "Signature" }, { label: "Status" }, { label: "Attempts", align: "right" }]}>
          {(list.data ?? []).map((e) => (
            <tr key={e.id} className="cursor-pointer hover:bg-zinc-50" onClick={() => setSelected(e.id)} aria-selected={selected === e.id}>
              <Td className="text-zinc-500">{formatDateTime(new Date(e.receivedAt))}</Td>
              <Td className="font-medium">{e.provider}</Td>
              <Td className="text-zinc-600">{e.eventType ?? "—"}</Td>
              <Td>{e.signatureValid ? <Badge tone="success">Valid</Badge> : <Badge tone="danger">{e.verificationError ?? "Rejected"}</Badge>}</Td>
              <Td><Badge tone={TONE[e.status]}>{e.status}</Badge></Td>
              <Td align="right">{e.attempts}</Td>
            </tr>
          ))}
        </Table>
        {list.data && !list.data.length ? <p className="px-5 py-4 text-sm text-zinc-500">No webhook calls match these filters.</p> : null}
      </Card>
      {selected ? <WebhookEventPanel id={selected} onClose={() => setSelected(null)} /> : null}
    </div>
  );
}

function WebhookEventPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.admin.webhookEvent.queryOptions({ id }));
  const reprocess = useMutation(
    trpc.admin.reprocessWebhook.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries(trpc.admin.webhookEvents.queryFilter());
        void qc.invalidateQueries(trpc.admin.webhookEvent.queryFilter({ id }));
      },
    }),
  );
  const e = q.data;
  return (
    <Card aria-label="Webhook event">
      <CardHeader
        title={e ? `${e.provider} · ${e.eventType ?? "unknown event"}` : "Loading…"}
        description={e ? `${e.externalEventId ?? "no event id"} · ${e.bodyBytes} bytes` : undefined}
        action={
          <div className="flex gap-2">
            {e && e.signatureValid && (e.status === "failed" || e.status === "unmatched") ? (
              <Button size="sm" onClick={() => reprocess.mutate({ id })} disabled={reprocess.isPending}>
                <RotateCcw aria-hidden /> Reprocess
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close"><X aria-hidden /></Button>
          </div>
        }
      />
      {q.error ? <p role="alert" className="px-5 py-3 text-sm text-red-600">{q.error.message}</p> : null}
      {reprocess.error ? <p role="alert" className="px-5 py-3 text-sm text-red-600">{reprocess.error.message}</p> : null}
      {reprocess.isSuccess ? <p role="status" className="px-5 py-3 text-sm text-emerald-700">Queued for processing.</p> : null}
      {e ? (
        <div className="grid gap-4 px-5 py-4 text-sm lg:grid-cols-2">
          <dl className="space-y-1 text-zinc-700">
            <div><dt className="inline font-medium">Status: </dt><dd className="inline">{e.status}{e.errorMessage ? ` — ${e.errorMessage}` : ""}</dd></div>
            <div><dt className="inline font-medium">Verification: </dt><dd className="inline">{e.signatureValid ? "valid" : (e.verificationError ?? "rejected")}</dd></div>
            <div><dt className="inline font-medium">Connection: </dt><dd className="inline font-mono text-xs">{e.connectionId ?? "—"}</dd></div>
            <div><dt className="inline font-medium">Order: </dt><dd className="inline font-mono text-xs">{e.orderId ?? "—"}</dd></div>
            <div><dt className="inline font-medium">Processed: </dt><dd className="inline">{e.processedAt ? formatDateTime(new Date(e.processedAt)) : "—"}</dd></div>
            <div className="pt-2 font-medium">Headers (secrets redacted)</div>
            <pre className="max-h-64 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs">{JSON.stringify(e.headers, null, 2)}</pre>
          </dl>
          <div>
            <div className="pb-1 font-medium text-zinc-700">Payload (secrets redacted)</div>
            <pre className="max-h-96 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs">{typeof e.payload === "string" ? e.payload : JSON.stringify(e.payload, null, 2)}</pre>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
