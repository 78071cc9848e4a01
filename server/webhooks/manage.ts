/**
 * The seller's side of per-restaurant webhook secrets: the URL to give the POS, the secret
 * shown once, rotation with a grace window. Tenancy: the restaurant must be the actor's.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client";
import { auditLog } from "~/db/schema";
import { env } from "~/env";
import type { Actor } from "~/server/connections/manage";
import { liveConnection } from "~/server/connections/manage";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/audit/record";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { ingressProfile } from "./profiles";
import { forgetConnection } from "./ingress-cache";
import { createWebhookSecret, hasWebhookSecret, newestActiveSecret, rotateWebhookSecret } from "./secrets";

const appOrigin = () => (env.APP_URL ?? env.AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

/** The per-restaurant URL: the connection id routes the call and picks the secrets to verify with. */
export function webhookUrlFor(conn: { id: string; provider: string }) {
  return `${appOrigin()}/api/webhooks/${conn.provider}/order-status/${conn.id}`;
}

async function connectionOf(db: Db, actor: Actor, restaurantId: string) {
  if (!(await findOrgRestaurant(db, actor.organizationId, restaurantId))) throw new AppError("NOT_FOUND", "Restaurant not found");
  const conn = await liveConnection(db, restaurantId);
  if (!conn) throw new AppError("NOT_FOUND", "No POS is connected to this restaurant");
  return conn;
}

export async function webhookSettings(db: Db, actor: Actor, restaurantId: string) {
  const conn = await connectionOf(db, actor, restaurantId);
  return {
    url: webhookUrlFor(conn),
    /** Square signs with the app's subscription key, not a per-restaurant secret. */
    signedByApp: ingressProfile(conn.provider).signing === "app",
    hasSecret: await hasWebhookSecret(db, conn.id),
    /** The secret made at connect time can be shown once; after that only a rotation shows one. */
    canReveal: await db.transaction(async (tx) => {
      const newest = await newestActiveSecret(tx, conn.id);
      return !!newest && !(await wasShown(tx, conn.id, newest.id));
    }),
  };
}

/** Whether a secret was already shown: the audit log records every reveal and rotation. */
async function wasShown(db: DbOrTx, connectionId: string, secretId: string) {
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetId, connectionId),
        inArray(auditLog.action, ["webhook_secret.revealed", "webhook_secret.rotated"]),
        sql`${auditLog.metadata}->>'secretId' = ${secretId}`,
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * Show the connection's current secret once (it was generated when the POS was connected).
 * The secret row is locked while the audit entry is written, so two clicks cannot both see it.
 */
export async function revealWebhookSecret(db: Db, actor: Actor, restaurantId: string) {
  const conn = await connectionOf(db, actor, restaurantId);
  return db.transaction(async (tx) => {
    const newest = await newestActiveSecret(tx, conn.id);
    if (!newest || (await wasShown(tx, conn.id, newest.id))) {
      throw new AppError("CONFLICT", "This secret was already shown. Rotate it to get a new one.");
    }
    await recordAudit(tx, {
      action: "webhook_secret.revealed",
      actorUserId: actor.userId ?? null,
      actorType: actor.apiKeyId ? "api_key" : actor.userId ? "user" : "system",
      organizationId: actor.organizationId,
      targetType: "connection",
      targetId: conn.id,
      metadata: { secretId: newest.id },
    });
    return { secret: newest.secret, webhookUrl: webhookUrlFor(conn) };
  });
}

/**
 * Rotate: the current secret keeps verifying for WEBHOOK_SECRET_GRACE_HOURS, the new one is
 * returned once and never again. Audited without the secret.
 */
export async function rotateRestaurantWebhookSecret(db: Db, actor: Actor, restaurantId: string, now = new Date()) {
  const conn = await connectionOf(db, actor, restaurantId);
  const hadOne = await hasWebhookSecret(db, conn.id);
  const rotated = hadOne ? await rotateWebhookSecret(db, conn.id, env.WEBHOOK_SECRET_GRACE_HOURS, now) : { ...(await createWebhookSecret(db, conn.id)), previousValidUntil: null };
  forgetConnection(conn.id);
  await recordAudit(db, {
    action: "webhook_secret.rotated",
    actorUserId: actor.userId ?? null,
    actorType: actor.apiKeyId ? "api_key" : actor.userId ? "user" : "system",
    organizationId: actor.organizationId,
    targetType: "connection",
    targetId: conn.id,
    metadata: { secretId: rotated.id, previousValidUntil: rotated.previousValidUntil?.toISOString() ?? null },
  });
  return { secret: rotated.secret, webhookUrl: webhookUrlFor(conn), previousValidUntil: rotated.previousValidUntil };
}
