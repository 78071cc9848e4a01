"use client";

import { ChevronDown, LogOut, ShieldCheck, Store } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { signOutAction } from "~/app/(auth)/actions";

const item = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-zinc-700 outline-none data-[highlighted]:bg-zinc-100";

export function UserMenu({ name, email, isAdmin, hasOrg }: { name: string; email: string; isAdmin: boolean; hasOrg: boolean }) {
  const initials = name.split(/\s+/).map((p) => p[0]).join("").slice(0, 2).toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100" aria-label="Account menu">
        <span className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">{initials}</span>
        <span className="hidden max-w-40 truncate font-medium sm:block">{name}</span>
        <ChevronDown className="size-4 text-zinc-400" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
          <div className="px-2 py-1.5">
            <p className="text-sm font-medium text-zinc-900">{name}</p>
            <p className="truncate text-xs text-zinc-500">{email}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-100" />
          {isAdmin ? (
            <DropdownMenu.Item asChild className={item}>
              <Link href="/admin"><ShieldCheck className="size-4" aria-hidden />Admin console</Link>
            </DropdownMenu.Item>
          ) : null}
          {isAdmin && hasOrg ? (
            <DropdownMenu.Item asChild className={item}>
              <Link href="/overview"><Store className="size-4" aria-hidden />Seller dashboard</Link>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item className={item} onSelect={() => void signOutAction()}>
            <LogOut className="size-4" aria-hidden />Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
