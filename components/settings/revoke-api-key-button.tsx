"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { FormAlert } from "~/components/auth/form-alert";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";

/** Revocation is immediate and final, so it asks first and names the key. */
export function RevokeApiKeyButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        setOpen(false);
      },
    }),
  );
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (revoke.isPending) return;
        setOpen(next);
        if (!next) revoke.reset();
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50">Revoke</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-lg">
          <AlertDialog.Title className="text-base font-semibold text-zinc-900">Revoke “{name}”?</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-zinc-600">
            Requests signed with <code className="font-mono text-xs">{prefix}…</code> will be refused from now on. This
            can&apos;t be undone: whatever uses this key needs a new one.
          </AlertDialog.Description>
          <FormAlert message={revoke.error?.message} />
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={revoke.isPending}>Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button
                variant="danger"
                disabled={revoke.isPending}
                onClick={(e) => {
                  // Keep the dialog open until the server confirms, so a failure is shown here.
                  e.preventDefault();
                  revoke.mutate({ id });
                }}
              >
                {revoke.isPending ? "Revoking…" : "Revoke key"}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
