"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Popover } from "radix-ui";
import { useState } from "react";
import { useTRPC } from "~/components/trpc/react";
import { formatDateTime } from "~/components/format";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";

type Target = { type: "item" | "variation" | "modifier"; id: string; name: string; available: boolean; snoozedUntil: Date | null };

/** Sold-out badge + "86" choices (1 hour / rest of today / until a time / indefinitely) or "Back on". */
export function AvailabilityControl({ restaurantId, target, timeZone }: { restaurantId: string; target: Target; timeZone: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState("");
  const m = useMutation(
    trpc.menu.setAvailability.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        void qc.invalidateQueries({ queryKey: trpc.menu.get.queryKey({ restaurantId }) });
      },
    }),
  );
  type Choice = Parameters<typeof m.mutate>[0]["choice"];
  const set = (choice: Choice) => m.mutate({ restaurantId, targetType: target.type, targetId: target.id, choice });

  if (!target.available) {
    return (
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Badge tone="danger">{target.snoozedUntil ? `Sold out until ${formatDateTime(target.snoozedUntil, timeZone)}` : "Sold out"}</Badge>
        <Button size="sm" variant="secondary" disabled={m.isPending} onClick={() => set({ kind: "available" })} aria-label={`Back on: ${target.name}`}>
          Back on
        </Button>
      </div>
    );
  }
  // A radix Popover (as the notification bell): closes on Escape and outside clicks, returns focus
  // to the button, and flips to stay on screen at 390px.
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button size="sm" variant="secondary" className="px-2.5 text-zinc-700" aria-label={`Mark sold out: ${target.name}`} title="Mark sold out (86)">
          86
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content role="menu" align="end" sideOffset={4} collisionPadding={12} className="z-50 w-60 rounded-md border border-zinc-200 bg-white p-1 shadow-lg">
          <p className="px-3 pb-1 pt-2 text-xs font-medium text-zinc-500">Sold out…</p>
          {(
            [
              ["For 1 hour", { kind: "for", minutes: 60 }],
              ["Rest of today", { kind: "end_of_day" }],
              ["Indefinitely", { kind: "indefinitely" }],
            ] as const
          ).map(([label, choice]) => (
            <button key={label} role="menuitem" className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-zinc-100" disabled={m.isPending} onClick={() => set(choice)}>
              {label}
            </button>
          ))}
          <form
            className="flex gap-1 border-t border-zinc-100 p-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (until) set({ kind: "until", until: new Date(until) });
            }}
          >
            <input type="datetime-local" aria-label="Sold out until" className="min-w-0 flex-1 rounded border border-zinc-300 px-1 text-xs" value={until} onChange={(e) => setUntil(e.target.value)} />
            <Button size="sm" type="submit" disabled={!until || m.isPending}>
              Until
            </Button>
          </form>
          {m.error ? <p className="px-3 pb-2 text-xs text-red-600">{m.error.message}</p> : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
