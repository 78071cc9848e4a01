import { formatDateTime } from "~/components/format";
import type { OrderStatus } from "~/db/schema";
import { Card, CardHeader } from "~/components/ui/card";
import { OrderStatusBadge } from "./order-status-badge";

type Entry = { id: string; fromStatus: OrderStatus | null; toStatus: OrderStatus; changedBy: string; reason: string | null; createdAt: Date | string };

/** "square_webhook" → "Square (webhook)", "seller:<id>" → "Seller"… for people, not logs. */
export function describeActor(changedBy: string): string {
  const [kind] = changedBy.split(":");
  if (kind === "seller") return "Seller";
  if (kind === "admin") return "Admin";
  if (kind === "marketplace") return "Marketplace";
  const m = /^([a-z0-9]+)_(webhook|poll|callback)$/.exec(changedBy);
  if (m) return `${m[1]!.charAt(0).toUpperCase()}${m[1]!.slice(1)} (${m[2]})`;
  return changedBy;
}

/** order_status_history as a timeline: from → to, who, when, why. Oldest first. */
export function StatusTimeline({ history }: { history: Entry[] }) {
  return (
    <Card>
      <CardHeader title="Status timeline" />
      {history.length ? (
        <ol className="divide-y divide-zinc-100" aria-label="Status changes">
          {history.map((h) => (
            <li key={h.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3 text-sm">
              <span className="flex items-center gap-1.5">
                {h.fromStatus ? <OrderStatusBadge status={h.fromStatus} /> : <span className="text-zinc-400">new</span>}
                <span aria-label="to" className="text-zinc-400">→</span>
                <OrderStatusBadge status={h.toStatus} />
              </span>
              <span className="text-zinc-700">{describeActor(h.changedBy)}</span>
              <time className="text-xs text-zinc-500" dateTime={new Date(h.createdAt).toISOString()}>{formatDateTime(new Date(h.createdAt))}</time>
              {h.reason ? <span className="w-full text-xs text-zinc-500">{h.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="px-5 py-4 text-sm text-zinc-500">No status change yet.</p>
      )}
    </Card>
  );
}
