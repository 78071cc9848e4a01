import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client";
import { notifications, users } from "~/db/schema";
import { getProvider } from "~/server/integrations/registry";
import { notifySeller } from "~/server/notifications/notify";
import type { Health } from "./health-policy";

export const HEALTH_NOTICE_TYPES = { offline: "pos.health_offline", recovered: "pos.health_recovered" } as const;

type Conn = { id: string; organizationId: string; restaurantId: string; provider: string };

/**
 * Which health changes are worth telling people about: going offline, and coming back online
 * from offline. Everything else (online ↔ degraded, offline → degraded) is shown, not sent.
 */
export function alertFor(from: Health, to: Health): "offline" | "recovered" | null {
  if (to === "offline" && from !== "offline") return "offline";
  if (to === "online" && from === "offline") return "recovered";
  return null;
}

/**
 * Tell the restaurant's team (in-app, like sync failures) and every platform admin (one in-app
 * notice each, addressed by user id) that a POS went offline or came back. Called once per
 * transition by the monitor, inside the transaction that records the change.
 */
export async function alertHealthChange(db: DbOrTx, conn: Conn, kind: "offline" | "recovered", detail: string | null, restaurantName: string) {
  const pos = getProvider(conn.provider).metadata.name;
  const offline = kind === "offline";
  const title = offline ? `${pos} is offline for ${restaurantName}` : `${pos} is back online for ${restaurantName}`;
  const body = offline
    ? `Switchboard could not reach ${pos} in its last health checks${detail ? ` (${detail})` : ""}. New orders wait and are sent when it answers again; check the POS device and its internet connection.`
    : `${pos} answers again. Orders that waited are being sent now.`;
  const type = HEALTH_NOTICE_TYPES[kind];
  const severity = offline ? ("error" as const) : ("info" as const);
  await notifySeller(db, { organizationId: conn.organizationId, restaurantId: conn.restaurantId, type, severity, title, body });
  const admins = await db.select({ id: users.id }).from(users).where(eq(users.platformRole, "admin"));
  if (!admins.length) return;
  await db.insert(notifications).values(
    admins.map((a) => ({ userId: a.id, restaurantId: conn.restaurantId, channel: "in_app" as const, type, severity, title, body, status: "sent" as const })),
  );
}
