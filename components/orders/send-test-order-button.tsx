"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";

export function SendTestOrderButton({ restaurantId }: { restaurantId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const send = useMutation(
    trpc.orders.sendTest.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries(trpc.orders.list.queryFilter());
        router.refresh();
      },
    }),
  );
  return (
    <div className="flex items-center gap-3">
      {send.error ? <span role="alert" className="text-sm text-red-600">{send.error.message}</span> : null}
      {send.data ? <span role="status" className="text-sm text-zinc-600">Sent {send.data.externalId}</span> : null}
      <Button variant="secondary" onClick={() => send.mutate({ restaurantId })} disabled={send.isPending}>
        <Send aria-hidden />
        {send.isPending ? "Sending…" : "Send test order"}
      </Button>
    </div>
  );
}
