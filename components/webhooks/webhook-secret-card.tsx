"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";

type Props = { restaurantId: string; providerName: string; canManage: boolean };

/**
 * The per-restaurant webhook URL and secret (seed 002). The secret is shown once, right after it
 * is issued; rotating keeps the previous one valid for the grace window so the POS can be updated.
 */
export function WebhookSecretCard({ restaurantId, providerName, canManage }: Props) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const settings = useQuery(trpc.integrations.webhook.queryOptions({ restaurantId }));
  const [issued, setIssued] = useState<{ secret: string; until: Date | null } | null>(null);
  const rotate = useMutation(
    trpc.integrations.rotateWebhookSecret.mutationOptions({
      onSuccess: (r) => {
        setIssued({ secret: r.secret, until: r.previousValidUntil });
        void qc.invalidateQueries(trpc.integrations.webhook.queryFilter());
      },
    }),
  );
  const reveal = useMutation(
    trpc.integrations.revealWebhookSecret.mutationOptions({
      onSuccess: (r) => {
        setIssued({ secret: r.secret, until: null });
        void qc.invalidateQueries(trpc.integrations.webhook.queryFilter());
      },
    }),
  );
  const s = settings.data;
  if (settings.isLoading) return <Card className="h-40 animate-pulse" aria-busy="true" aria-label="Loading webhook settings" />;
  if (!s) return null;
  if (s.signedByApp) {
    // App-wide subscription (Square): no per-restaurant URL or secret to hand out.
    return (
      <Card>
        <CardHeader title="Webhooks" description={`How ${providerName} tells Switchboard about order status changes.`} action={<KeyRound className="size-4 text-zinc-400" aria-hidden />} />
        <p className="px-5 py-4 text-sm text-zinc-600">
          {providerName} sends status changes to Switchboard&apos;s app-wide webhook subscription, signed with Switchboard&apos;s key. There is nothing to configure for this restaurant.
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader title="Webhooks" description={`Where ${providerName} sends order status, menu and stock changes.`} action={<KeyRound className="size-4 text-zinc-400" aria-hidden />} />
      <div className="space-y-4 px-5 py-4 text-sm">
        <div className="grid gap-1.5">
          <label htmlFor="webhook-url" className="font-medium text-zinc-900">Webhook URL</label>
          <input id="webhook-url" readOnly value={s.url} className="h-10 rounded-md border border-zinc-300 bg-zinc-50 px-3 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </div>
        {issued ? (
          <div role="status" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 text-amber-900">
            <p className="font-medium">Copy this secret into {providerName} now. It will not be shown again.</p>
            <code className="block break-all rounded bg-white px-2 py-1.5 font-mono text-xs">{issued.secret}</code>
            {issued.until ? <p>The previous secret keeps working until {issued.until.toLocaleString()}.</p> : null}
          </div>
        ) : (
          <p className="text-zinc-600">{s.canReveal ? "A signing secret was generated when you connected. You can see it once." : s.hasSecret ? "A signing secret is set. For security it is never shown again; rotate it to get a new one." : "No signing secret yet."}</p>
        )}
        {canManage && s.canReveal && !issued ? (
          <Button variant="secondary" size="sm" className="mr-2" onClick={() => reveal.mutate({ restaurantId })} disabled={reveal.isPending}>
            Show secret once
          </Button>
        ) : null}
        {canManage ? (
          <ConfirmDialog
            title="Rotate the webhook secret?"
            description="A new secret is issued and shown once. The current one keeps working for 24 hours so you can update the POS."
            confirmLabel="Rotate secret"
            onConfirm={() => rotate.mutate({ restaurantId })}
            trigger={<Button variant="secondary" size="sm" disabled={rotate.isPending}>{s.hasSecret ? "Rotate secret" : "Generate secret"}</Button>}
          />
        ) : null}
        {rotate.error || reveal.error ? <p role="alert" className="text-red-700">{(rotate.error ?? reveal.error)!.message}</p> : null}
      </div>
    </Card>
  );
}
