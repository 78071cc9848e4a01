"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, PlugZap, RefreshCw, Unplug } from "lucide-react";
import { useRouter } from "next/navigation";
import { formatDateTime } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Toggle } from "~/components/ui/switch";
import { ApiKeyConnectDialog, type ConnectField } from "./api-key-connect-dialog";

type Props = {
  restaurantId: string;
  providerName: string;
  canManage: boolean;
  sandbox: boolean;
  /** API-key providers reconnect through the credentials form, not OAuth. */
  connectFields?: ConnectField[] | null;
};

const STATUS = {
  active: { tone: "success", label: "Connected" },
  needs_reauth: { tone: "danger", label: "Needs reconnecting" },
  disconnected: { tone: "neutral", label: "Disconnected" },
} as const;

/** A restaurant's live POS connection: status, location, toggles, test and disconnect. */
export function ConnectionPanel({ restaurantId, providerName, canManage, sandbox, connectFields }: Props) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const conn = useQuery(trpc.integrations.get.queryOptions({ restaurantId }));
  const locations = useQuery({ ...trpc.integrations.locations.queryOptions({ restaurantId }), enabled: conn.data?.status === "active" });
  const refresh = () => void qc.invalidateQueries(trpc.integrations.get.queryFilter());
  const update = useMutation(trpc.integrations.update.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.integrations.test.mutationOptions());
  const disconnect = useMutation(trpc.integrations.disconnect.mutationOptions({ onSuccess: () => router.refresh() }));

  const c = conn.data;
  if (conn.isLoading) return <Card className="h-56 animate-pulse" aria-busy="true" aria-label="Loading connection" />;
  if (!c) return null;
  const status = STATUS[c.status];
  const reconnectHref = `/api/oauth/${c.provider}/start?restaurantId=${restaurantId}`;
  return (
    <Card>
      <CardHeader
        title={providerName}
        description={c.externalMerchantId ? `Merchant ${c.externalMerchantId}${sandbox ? " · local sandbox" : ""}` : undefined}
        action={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      <div className="space-y-5 px-5 py-4">
        {c.status === "needs_reauth" ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
            {providerName} stopped accepting Switchboard&apos;s access{c.lastError ? ` (${c.lastError})` : ""}. Orders are kept and will be sent once you reconnect.
            {!canManage ? null : connectFields ? (
              <ApiKeyConnectDialog mode="reconnect" restaurantId={restaurantId} provider={{ id: c.provider, name: providerName, sandbox }} fields={connectFields} />
            ) : (
              <a className="ml-2 font-medium underline" href={reconnectHref}>Reconnect {providerName}</a>
            )}
          </div>
        ) : null}

        <div className="grid gap-1.5">
          <label htmlFor="pos-location" className="text-sm font-medium text-zinc-900">Location that receives orders</label>
          {locations.data?.length === 0 && c.externalLocationId ? (
            // API-key POSes (PetPooja's restID) have no location list: the id entered at connect time is the location.
            <input id="pos-location" readOnly value={c.externalLocationId} className="h-10 rounded-md border border-zinc-300 bg-zinc-50 px-3 font-mono text-sm" />
          ) : (
          <select
            id="pos-location"
            className="h-10 rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm disabled:opacity-60"
            value={c.externalLocationId ?? ""}
            disabled={!canManage || update.isPending || !locations.data}
            onChange={(e) => update.mutate({ restaurantId, locationId: e.target.value })}
          >
            <option value="" disabled>{locations.isLoading ? "Loading locations…" : "Choose a location"}</option>
            {locations.data?.map((l) => (
              <option key={l.id} value={l.id}>{l.name}{l.currency ? ` (${l.currency})` : ""}</option>
            ))}
          </select>
          )}
          {!c.externalLocationId ? <p className="text-sm text-amber-700">Orders wait until you choose a location.</p> : null}
          {locations.error ? <p role="alert" className="text-sm text-red-600">{locations.error.message}</p> : null}
        </div>

        <Toggle
          id="auto-sync"
          label="Send new orders automatically"
          description="Off: orders wait in Switchboard until you send them from Orders."
          checked={c.autoSyncOrders}
          disabled={!canManage || update.isPending}
          onChange={(v) => update.mutate({ restaurantId, autoSyncOrders: v })}
        />
        <Toggle
          id="customer-info"
          label="Include customer name and phone"
          description="Shown on the POS ticket so staff can call the customer."
          checked={c.syncCustomerInfo}
          disabled={!canManage || update.isPending}
          onChange={(v) => update.mutate({ restaurantId, syncCustomerInfo: v })}
        />
        {update.error ? <p role="alert" className="text-sm text-red-600">{update.error.message}</p> : null}

        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div><dt className="text-zinc-500">Last order sent</dt><dd>{c.lastSyncAt ? formatDateTime(new Date(c.lastSyncAt)) : "Not yet"}</dd></div>
          <div><dt className="text-zinc-500">Health</dt><dd className="capitalize">{c.health}{c.circuitState !== "closed" ? " · sending paused" : ""}</dd></div>
        </dl>

        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-4">
          <Button variant="secondary" size="sm" onClick={() => test.mutate({ restaurantId })} disabled={test.isPending}>
            <RefreshCw aria-hidden /> {test.isPending ? "Testing…" : "Test connection"}
          </Button>
          {canManage ? (
            <ConfirmDialog
              trigger={<Button variant="ghost" size="sm" className="text-red-700"><Unplug aria-hidden /> Disconnect</Button>}
              title={`Disconnect ${providerName}?`}
              description="New orders will wait in Switchboard and not reach your kitchen until you connect a POS again. Sync history is kept."
              confirmLabel="Disconnect"
              onConfirm={() => disconnect.mutate({ restaurantId })}
            />
          ) : null}
          <span role="status" className="text-sm">
            {test.data ? (
              test.data.ok ? (
                <span className="inline-flex items-center gap-1 text-emerald-700"><CheckCircle2 className="size-4" aria-hidden /> Connected · {test.data.latencyMs} ms</span>
              ) : (
                <span className="inline-flex items-center gap-1 text-red-700"><PlugZap className="size-4" aria-hidden /> {test.data.detail ?? "Not reachable"}</span>
              )
            ) : null}
          </span>
        </div>
      </div>
    </Card>
  );
}
