import { randomUUID } from "node:crypto";
import { and, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "~/db/client";
import { connections } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";
import { AppError } from "~/server/errors";
import { getProvider } from "~/server/integrations/registry";
import type { Credentials } from "~/server/integrations/types";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { dispatchSync } from "~/server/sync/dispatch-sync";
import { wakeWaitingJobs } from "~/server/sync/request-sync";
import { sealCredentials } from "./credentials";
import { createWebhookSecret } from "~/server/webhooks/secrets";
import { dispatchInitialMenuSync } from "~/server/menu/sync/initial";
import { forgetConnection } from "~/server/webhooks/ingress-cache";

export type Actor = { organizationId: string; userId?: string | null; apiKeyId?: string | null };

const audit = (db: DbOrTx, actor: Actor, action: string, targetId: string, metadata: Record<string, unknown>) =>
  recordAudit(db, {
    action,
    actorUserId: actor.userId ?? null,
    actorType: actor.apiKeyId ? "api_key" : actor.userId ? "user" : "system",
    organizationId: actor.organizationId,
    targetType: "connection",
    targetId,
    metadata: { ...metadata, ...(actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {}) },
  });

async function restaurantOf(db: Db, actor: Actor, restaurantId: string) {
  const r = await findOrgRestaurant(db, actor.organizationId, restaurantId);
  if (!r) throw new AppError("NOT_FOUND", "Restaurant not found");
  return r;
}

export async function liveConnection(db: Db, restaurantId: string, provider?: string) {
  const [row] = await db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.restaurantId, restaurantId),
        ne(connections.status, "disconnected"),
        provider ? eq(connections.provider, provider) : undefined,
      ),
    )
    .orderBy(desc(connections.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Store credentials for a restaurant's provider: a new live connection, or fresh tokens on
 * the existing one (a reconnect clears needs_reauth). Then every order that was waiting for a
 * POS is woken and sent. One live connection per restaurant (the seller picks one POS).
 */
export async function saveConnection(
  db: Db,
  actor: Actor,
  input: { restaurantId: string; provider: string; credentials: Credentials; locationId?: string | null; merchantId?: string | null },
) {
  await restaurantOf(db, actor, input.restaurantId);
  const provider = getProvider(input.provider);
  const existing = await liveConnection(db, input.restaurantId);
  if (existing && existing.provider !== input.provider) {
    throw new AppError("CONFLICT", `This restaurant is connected to ${getProvider(existing.provider).metadata.name}. Disconnect it first.`);
  }
  const id = existing?.id ?? randomUUID();
  const values = {
    ...sealCredentials(id, input.credentials),
    status: "active" as const,
    health: "online" as const,
    externalLocationId: input.locationId ?? existing?.externalLocationId ?? null,
    externalMerchantId: input.merchantId ?? existing?.externalMerchantId ?? null,
    circuitState: "closed" as const,
    circuitOpenedAt: null,
    consecutiveFailures: 0,
    lastError: null,
  };
  const row = await db.transaction(async (tx) => {
    const [saved] = existing
      ? await tx.update(connections).set(values).where(eq(connections.id, id)).returning()
      : await tx
          .insert(connections)
          .values({ id, organizationId: actor.organizationId, restaurantId: input.restaurantId, provider: provider.metadata.id, ...values })
          .returning();
    await audit(tx, actor, existing ? "connection.reconnected" : "connection.created", id, { provider: provider.metadata.id });
    // Per-restaurant webhook secret (seed 002), sealed; the seller reveals or rotates it from the Integrations page.
    if (!existing) await createWebhookSecret(tx, id);
    return saved!;
  });
  if (row.externalLocationId) await redriveWaiting(db, row);
  // A new connection pulls its menu right away (issue 5 trigger a).
  if (!existing) await dispatchInitialMenuSync(row);
  return row;
}

async function redriveWaiting(db: Db, row: typeof connections.$inferSelect) {
  const woken = await wakeWaitingJobs(db, row.restaurantId, row.id, row.provider);
  for (const job of woken) await dispatchSync(job);
}

export const connectionSettingsSchema = z.object({
  locationId: z.string().trim().min(1).max(100).optional(),
  autoSyncOrders: z.boolean().optional(),
  syncCustomerInfo: z.boolean().optional(),
});

export async function updateConnectionSettings(
  db: Db,
  actor: Actor,
  restaurantId: string,
  patch: z.infer<typeof connectionSettingsSchema>,
) {
  await restaurantOf(db, actor, restaurantId);
  const conn = await liveConnection(db, restaurantId);
  if (!conn) throw new AppError("NOT_FOUND", "No POS is connected to this restaurant");
  const [row] = await db
    .update(connections)
    .set({
      ...(patch.locationId !== undefined ? { externalLocationId: patch.locationId } : {}),
      ...(patch.autoSyncOrders !== undefined ? { autoSyncOrders: patch.autoSyncOrders } : {}),
      ...(patch.syncCustomerInfo !== undefined ? { syncCustomerInfo: patch.syncCustomerInfo } : {}),
    })
    .where(eq(connections.id, conn.id))
    .returning();
  // Before/after of the fields that changed (none of them is a credential).
  const was = { locationId: conn.externalLocationId, autoSyncOrders: conn.autoSyncOrders, syncCustomerInfo: conn.syncCustomerInfo };
  const changes = Object.fromEntries(
    (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== undefined && patch[k] !== was[k]).map((k) => [k, { from: was[k], to: patch[k] }]),
  );
  await audit(db, actor, "connection.settings_changed", conn.id, { fields: Object.keys(patch), changes });
  // Choosing a location, or turning auto-sync on, lets waiting orders go.
  if (row!.externalLocationId && (patch.locationId || patch.autoSyncOrders)) await redriveWaiting(db, row!);
  return row!;
}

/** Seed 001 disconnect: credentials are erased, the row and its sync history stay. */
export async function disconnect(db: Db, actor: Actor, restaurantId: string, provider?: string) {
  await restaurantOf(db, actor, restaurantId);
  const conn = await liveConnection(db, restaurantId, provider);
  if (!conn) throw new AppError("NOT_FOUND", "No POS is connected to this restaurant");
  const [row] = await db
    .update(connections)
    .set({ status: "disconnected", disconnectedAt: new Date(), credentialsCiphertext: null, credentialsKeyId: null, tokenExpiresAt: null })
    .where(eq(connections.id, conn.id))
    .returning();
  // This process stops accepting the connection's webhooks at once (others within seconds).
  forgetConnection(conn.id);
  await audit(db, actor, "connection.disconnected", conn.id, { provider: conn.provider });
  return row!;
}
