import Link from "next/link";
import { formatMoney, timeAgo } from "~/components/format";
import { SyncStatusBadge } from "~/components/sync/sync-status-badge";
import { Table, Td } from "~/components/ui/table";
import type { OrderStatus, SyncJobStatus } from "~/db/schema";
import { OrderStatusBadge } from "./order-status-badge";

export type OrderRow = {
  id: string;
  externalId: string;
  status: OrderStatus;
  type: string;
  customerName: string;
  totalAmount: number;
  currency: string;
  createdAt: Date;
  items: { id: string; name: string; quantity: number }[];
  syncJobs?: { status: SyncJobStatus }[];
};

/** Orders as a table on wide screens and as stacked cards on phones. */
export function OrdersTable({ orders, linkOrders = false }: { orders: OrderRow[]; linkOrders?: boolean }) {
  const label = (o: OrderRow) => (linkOrders ? <Link href={`/orders/${o.id}`} className="hover:underline">{o.externalId}</Link> : o.externalId);
  return (
    <>
      <Table
        className="hidden md:block"
        minWidth="0"
        columns={[{ label: "Order" }, { label: "Customer" }, { label: "Items" }, { label: "Status" }, { label: "POS" }, { label: "Total", align: "right" }, { label: "Placed", align: "right" }]}
      >
        {orders.map((o) => (
          <tr key={o.id} className="hover:bg-zinc-50">
            <Td className="font-medium text-zinc-900">
              {label(o)}
              <span className="block text-xs font-normal capitalize text-zinc-500">{o.type.replace("_", " ")}</span>
            </Td>
            <Td className="text-zinc-700">{o.customerName}</Td>
            <Td className="max-w-64 truncate text-zinc-600">{o.items.map((i) => `${i.quantity}× ${i.name}`).join(", ")}</Td>
            <Td><OrderStatusBadge status={o.status} /></Td>
            <Td><SyncStatusBadge status={o.syncJobs?.[0]?.status} /></Td>
            <Td align="right" className="tabular-nums text-zinc-900">{formatMoney(o.totalAmount, o.currency)}</Td>
            <Td align="right" className="text-zinc-500"><time dateTime={o.createdAt.toISOString()}>{timeAgo(o.createdAt)}</time></Td>
          </tr>
        ))}
      </Table>
      <ul className="divide-y divide-zinc-100 md:hidden">
        {orders.map((o) => (
          <li key={o.id} className="space-y-1 px-4 py-3">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium text-zinc-900">{label(o)}</span>
              <span className="flex gap-1.5">
                <OrderStatusBadge status={o.status} />
                <SyncStatusBadge status={o.syncJobs?.[0]?.status} />
              </span>
            </div>
            <p className="truncate text-sm text-zinc-600">{o.items.map((i) => `${i.quantity}× ${i.name}`).join(", ")}</p>
            <div className="flex justify-between text-sm text-zinc-500">
              <span>{o.customerName} · {timeAgo(o.createdAt)}</span>
              <span className="tabular-nums text-zinc-900">{formatMoney(o.totalAmount, o.currency)}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
