/**
 * Per-connection webhook secrets (seed 002 restaurant_webhook_secrets). Stored only as vault
 * ciphertext bound to the row; several are valid at once during a rotation grace window, so a
 * vendor that still signs with the old secret is not cut off mid-rotation (DESIGN "Webhooks in").
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client";
import { prepared } from "~/db/prepared";
import { webhookSecrets } from "~/db/schema";
import { open, seal } from "~/server/vault/vault";
import { forgetConnection } from "./ingress-cache";

const HOUR_MS = 3_600_000;

const context = (secretId: string, connectionId: string) => `webhook_secret:${secretId}:${connectionId}`;

/** 32 random bytes as hex (seed 002 `crypto.randomBytes(32).toString('hex')`), prefixed so a leak is recognisable. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("hex")}`;
}

/** Adds a new active secret for a connection and returns its plaintext (the only time it exists unsealed). */
export async function createWebhookSecret(db: DbOrTx, connectionId: string): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const sealed = seal(secret, context(id, connectionId));
  await db.insert(webhookSecrets).values({ id, connectionId, secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId });
  return { id, secret };
}

export type ValidSecret = { secret: string; expiresAt: Date | null };

/** Active secrets, plus retired ones still inside their grace window; newest first. */
export async function validWebhookSecrets(db: Db, connectionId: string, now = new Date()): Promise<string[]> {
  return (await validWebhookSecretRows(db, connectionId, now)).map((s) => s.secret);
}

/** As validWebhookSecrets, with each secret's end of grace (the ingress cache filters by it). */
export async function validWebhookSecretRows(db: Db, connectionId: string, now = new Date()): Promise<ValidSecret[]> {
  // On every per-restaurant webhook call: prepared once per database (see db/prepared.ts).
  const statement = prepared(db, "webhook_valid_secrets", (d) =>
    d
      .select()
      .from(webhookSecrets)
      .where(
        and(
          eq(webhookSecrets.connectionId, sql.placeholder("connectionId")),
          eq(webhookSecrets.isActive, true),
          or(isNull(webhookSecrets.expiresAt), gt(webhookSecrets.expiresAt, sql.placeholder("now"))),
        ),
      )
      .orderBy(asc(webhookSecrets.createdAt))
      .prepare("webhook_valid_secrets"),
  );
  const rows = await statement.execute({ connectionId, now: now.toISOString() });
  return rows
    .map((r) => ({ secret: open<string>({ ciphertext: r.secretCiphertext, keyId: r.secretKeyId }, context(r.id, connectionId)), expiresAt: r.expiresAt }))
    .reverse();
}

/**
 * Rotation: every current secret gets an expiry `graceHours` from now (it keeps verifying until
 * then), and a new secret without expiry is added. Returns the new plaintext to show once.
 */
export async function rotateWebhookSecret(db: DbOrTx, connectionId: string, graceHours: number, now = new Date()) {
  const expiresAt = new Date(now.getTime() + graceHours * HOUR_MS);
  await db
    .update(webhookSecrets)
    .set({ expiresAt })
    .where(and(eq(webhookSecrets.connectionId, connectionId), eq(webhookSecrets.isActive, true), or(isNull(webhookSecrets.expiresAt), gt(webhookSecrets.expiresAt, expiresAt))));
  const created = await createWebhookSecret(db, connectionId);
  return { ...created, previousValidUntil: expiresAt };
}

/** The expiry schedule: retire every secret whose grace window has passed. */
export async function expireWebhookSecrets(db: DbOrTx, now = new Date()): Promise<{ expired: number }> {
  const rows = await db
    .update(webhookSecrets)
    .set({ isActive: false })
    .where(and(eq(webhookSecrets.isActive, true), lte(webhookSecrets.expiresAt, now)))
    .returning({ id: webhookSecrets.id, connectionId: webhookSecrets.connectionId });
  // Cached copies elsewhere stop verifying by their own expires_at; this process forgets now.
  for (const connectionId of new Set(rows.map((r) => r.connectionId))) forgetConnection(connectionId);
  return { expired: rows.length };
}

/** Whether the connection has any secret at all (connections made before this feature have none). */
export async function hasWebhookSecret(db: DbOrTx, connectionId: string): Promise<boolean> {
  const [row] = await db.select({ id: webhookSecrets.id }).from(webhookSecrets).where(eq(webhookSecrets.connectionId, connectionId)).limit(1);
  return !!row;
}

/** The newest active secret, locked for the caller's transaction (reveal-once). */
export async function newestActiveSecret(tx: DbOrTx, connectionId: string): Promise<{ id: string; secret: string } | null> {
  const [row] = await tx
    .select()
    .from(webhookSecrets)
    .where(and(eq(webhookSecrets.connectionId, connectionId), eq(webhookSecrets.isActive, true), isNull(webhookSecrets.expiresAt)))
    .orderBy(desc(webhookSecrets.createdAt))
    .limit(1)
    .for("update");
  if (!row) return null;
  return { id: row.id, secret: open<string>({ ciphertext: row.secretCiphertext, keyId: row.secretKeyId }, context(row.id, connectionId)) };
}
