"use client";

import { Check, ChevronsUpDown, Store } from "lucide-react";
import { useRouter } from "next/navigation";
import { Select } from "radix-ui";
import { useTransition } from "react";
import { selectRestaurantAction } from "~/app/(seller)/actions";

type Option = { id: string; name: string };

/** Picks the restaurant every seller page shows; the choice is kept in a cookie. */
export function RestaurantSwitcher({ restaurants, currentId }: { restaurants: Option[]; currentId: string | null }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  if (!restaurants.length) return null;
  return (
    <Select.Root
      value={currentId ?? undefined}
      onValueChange={(id) =>
        start(async () => {
          await selectRestaurantAction(id);
          router.refresh();
        })
      }
    >
      <Select.Trigger
        aria-label="Restaurant"
        className="flex w-full items-center gap-2 rounded-md border border-zinc-200 bg-white px-3 py-2 text-left text-sm shadow-sm hover:bg-zinc-50 data-[disabled]:opacity-60"
        disabled={pending}
      >
        <Store className="size-4 shrink-0 text-zinc-500" aria-hidden />
        <span className="min-w-0 flex-1 truncate font-medium">
          <Select.Value placeholder="Choose a restaurant" />
        </span>
        <Select.Icon>
          <ChevronsUpDown className="size-4 text-zinc-400" aria-hidden />
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content position="popper" sideOffset={4} className="z-50 w-[var(--radix-select-trigger-width)] rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
          <Select.Viewport>
            {restaurants.map((r) => (
              <Select.Item
                key={r.id}
                value={r.id}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100"
              >
                <Select.ItemText>{r.name}</Select.ItemText>
                <Select.ItemIndicator className="ml-auto">
                  <Check className="size-4 text-brand-600" aria-hidden />
                </Select.ItemIndicator>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}
