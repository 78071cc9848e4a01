import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client";
import { memberships, notifications, orders, users, type connections, type syncJobs } from "~/db/schema";
import { getProvider } from "~/server/integrations/registry";
import type { MappingProblem } from "./resolve-order-lines";

/**
 * Tell the restaurant at once that an order was held back by menu drift: the in-app bell, plus
 * an email to every owner and manager through the delivery queue (sent within seconds).
 */
export async function notifyMappingFailure(
  db: Db,
  job: Pick<typeof syncJobs.$inferSelect, "organizationId" | "restaurantId" | "orderId">,
  conn: Pick<typeof connections.$inferSelect, "provider">,
  problems: MappingProblem[],
) {
  const [order] = await db.select({ externalId: orders.externalId }).from(orders).where(eq(orders.id, job.orderId));
  const pos = getProvider(conn.provider).metadata.name;
  const base = {
    organizationId: job.organizationId,
    restaurantId: job.restaurantId,
    orderId: job.orderId,
    type: "sync.mapping_failed",
    severity: "error" as const,
    title: `Order ${order?.externalId ?? job.orderId} was not sent to ${pos}: the menu changed`,
    body: `${problems.map((p) => `${p.name}: ${p.reason}`).join("; ")}. Update the item mapping in Menu → Mapping (or put the item back on ${pos}), then retry the order from Orders.`,
  };
  const team = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, job.organizationId), inArray(memberships.role, ["owner", "manager"])));
  const now = new Date();
  await db.insert(notifications).values([
    { ...base, channel: "in_app", status: "sent", sentAt: now },
    ...team.map((m) => ({ ...base, channel: "email" as const, recipient: m.email, status: "pending" as const, nextAttemptAt: now })),
  ]);
}
