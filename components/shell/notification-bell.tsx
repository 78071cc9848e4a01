"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff, CheckCheck, CircleAlert, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import { Popover } from "radix-ui";
import { useState } from "react";
import { timeAgo } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";

const POLL_MS = 15_000;
const PAGE = 10;

const SEVERITY: Record<"info" | "warning" | "error", { icon: LucideIcon; className: string; label: string }> = {
  info: { icon: Info, className: "text-sky-600", label: "Info" },
  warning: { icon: TriangleAlert, className: "text-amber-600", label: "Warning" },
  error: { icon: CircleAlert, className: "text-red-600", label: "Error" },
};

/** The seller's in-app notices: unread badge in the header, newest first in a popover. */
export function NotificationBell() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: POLL_MS });
  const list = useInfiniteQuery({
    ...trpc.notifications.list.infiniteQueryOptions({ limit: PAGE }, { getNextPageParam: (last) => last.nextCursor }),
    enabled: open,
    refetchInterval: open ? POLL_MS : false,
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries(trpc.notifications.unreadCount.queryFilter()),
      qc.invalidateQueries(trpc.notifications.list.infiniteQueryFilter()),
    ]);
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const markOne = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));

  const count = unread.data?.count ?? 0;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Relative times are judged against when the data arrived, so rendering stays pure.
  const fetchedAt = new Date(list.dataUpdatedAt || 0);

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        className="relative flex size-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        aria-label={count ? `Notifications (${count} unread)` : "Notifications"}
      >
        <Bell className="size-5" aria-hidden />
        {count > 0 ? (
          <span className="absolute -right-0.5 -top-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] font-semibold leading-none text-white">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 flex max-h-[70vh] w-[min(24rem,calc(100vw-1.5rem))] flex-col rounded-lg border border-zinc-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between gap-2 border-b border-zinc-100 px-4 py-2.5">
            <p className="text-sm font-semibold text-zinc-900">Notifications</p>
            <Button
              variant="ghost"
              size="sm"
              disabled={count === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              <CheckCheck aria-hidden />
              Mark all read
            </Button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto" aria-live="polite">
            {list.isLoading ? (
              <p className="px-4 py-8 text-center text-sm text-zinc-500">Loading…</p>
            ) : list.isError ? (
              <p role="alert" className="px-4 py-8 text-center text-sm text-red-600">Couldn&apos;t load notifications.</p>
            ) : items.length === 0 ? (
              <div className="flex flex-col items-center gap-2 px-4 py-10 text-center">
                <span className="flex size-10 items-center justify-center rounded-full bg-zinc-100 text-zinc-500">
                  <BellOff className="size-5" aria-hidden />
                </span>
                <p className="text-sm font-medium text-zinc-900">You&apos;re all caught up</p>
                <p className="text-xs text-zinc-500">Sync problems and integration alerts will show up here.</p>
              </div>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {items.map((n) => {
                  const s = SEVERITY[n.severity];
                  const Icon = s.icon;
                  const isUnread = !n.readAt;
                  return (
                    <li key={n.id}>
                      <button
                        type="button"
                        className={cn("flex w-full gap-3 px-4 py-3 text-left hover:bg-zinc-50", isUnread && "bg-brand-50/40")}
                        onClick={() => (isUnread ? markOne.mutate({ ids: [n.id] }) : undefined)}
                      >
                        <Icon className={cn("mt-0.5 size-4 shrink-0", s.className)} aria-label={s.label} />
                        <span className="min-w-0 flex-1">
                          <span className="flex items-start justify-between gap-2">
                            <span className={cn("text-sm text-zinc-900", isUnread ? "font-semibold" : "font-medium")}>{n.title}</span>
                            {isUnread ? <span className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600" aria-label="Unread" /> : null}
                          </span>
                          <span className="mt-0.5 block text-sm text-zinc-600">{n.body}</span>
                          <time className="mt-1 block text-xs text-zinc-400" dateTime={new Date(n.createdAt).toISOString()}>
                            {timeAgo(new Date(n.createdAt), fetchedAt)}
                          </time>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          {list.hasNextPage ? (
            <div className="border-t border-zinc-100 p-2">
              <Button variant="ghost" size="sm" className="w-full" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {list.isFetchingNextPage ? "Loading…" : "Show older"}
              </Button>
            </div>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
