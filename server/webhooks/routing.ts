import { and, asc, eq, ne, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { prepared } from "~/db/prepared";
import { connections } from "~/db/schema";
import type { ParsedWebhookEvent } from "~/server/integrations/types";

export type Connection = typeof connections.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path after /api/webhooks/<provider>: nothing, a kind (`order-status`), a connection id,
 * or kind + connection id. Anything else names no connection we could have: "invalid".
 */
export function parseWebhookPath(segments: string[]): { kind: string | null; connectionId: string | null } | "invalid" {
  if (segments.length === 0) return { kind: null, connectionId: null };
  if (segments.length > 2) return "invalid";
  const last = segments.at(-1)!;
  if (segments.length === 1) return UUID.test(last) ? { kind: null, connectionId: last } : { kind: last.slice(0, 64), connectionId: null };
  return UUID.test(last) ? { kind: segments[0]!.slice(0, 64), connectionId: last } : "invalid";
}

export async function liveConnectionById(db: Db, provider: string, id: string): Promise<Connection | null> {
  // On every per-restaurant webhook call: prepared once per database (see db/prepared.ts).
  const statement = prepared(db, "webhook_live_connection", (d) =>
    d
      .select()
      .from(connections)
      .where(and(eq(connections.id, sql.placeholder("id")), eq(connections.provider, sql.placeholder("provider")), ne(connections.status, "disconnected")))
      .limit(1)
      .prepare("webhook_live_connection"),
  );
  const [row] = await statement.execute({ id, provider });
  return row ?? null;
}

/**
 * Every live connection an event's sender may be, by the merchant/location the vendor named:
 * those at the event's location when any is, else every one of the merchant. Several can share
 * a POS location (virtual brands cooking in one kitchen, each its own restaurant here), so a
 * caller that acts on the event must find which of them it concerns (process.ts).
 */
export async function connectionsForEvents(db: Db, provider: string, events: ParsedWebhookEvent[]): Promise<Connection[]> {
  const merchantId = events.find((e) => e.merchantId)?.merchantId;
  const locationId = events.find((e) => e.locationId)?.locationId;
  if (!merchantId && !locationId) return [];
  const rows = await db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.provider, provider),
        ne(connections.status, "disconnected"),
        or(
          merchantId ? eq(connections.externalMerchantId, merchantId) : undefined,
          locationId ? eq(connections.externalLocationId, locationId) : undefined,
        ),
      ),
    )
    // Oldest first, so the first of several is the same on every call and every instance.
    .orderBy(asc(connections.createdAt), asc(connections.id));
  const atLocation = locationId ? rows.filter((r) => r.externalLocationId === locationId) : [];
  return atLocation.length > 0 ? atLocation : rows.filter((r) => r.externalMerchantId === merchantId);
}

/** The connection a sender-routed call is filed under (ingress): the first of connectionsForEvents. */
export async function connectionForEvents(db: Db, provider: string, events: ParsedWebhookEvent[]): Promise<Connection | null> {
  return (await connectionsForEvents(db, provider, events))[0] ?? null;
}
