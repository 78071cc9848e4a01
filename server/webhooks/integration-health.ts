/**
 * Seed 002 health: `{ status, pos_type, last_sync, webhook_status, recent_errors }` for one
 * restaurant's live integration, from what is already recorded (no call to the POS).
 */
import { and, desc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { syncJobs, webhookEvents } from "~/db/schema";
import { liveConnection } from "~/server/connections/manage";
import { AppError } from "~/server/errors";

const DAY_MS = 86_400_000;

export type IntegrationHealth = {
  status: "healthy" | "degraded" | "unhealthy";
  pos_type: string;
  last_sync: string | null;
  /** active: a verified event in the last 24 h; failing: recent processing failures; idle: none. */
  webhook_status: "active" | "failing" | "idle";
  recent_errors: { source: "sync" | "webhook"; message: string; at: string }[];
};

export async function integrationHealth(db: Db, restaurantId: string, now = new Date()): Promise<IntegrationHealth> {
  const conn = await liveConnection(db, restaurantId);
  if (!conn) throw new AppError("NOT_FOUND", "No POS integration for this restaurant");
  const since = new Date(now.getTime() - DAY_MS);
  const events = await db
    .select({ status: webhookEvents.status, errorMessage: webhookEvents.errorMessage, receivedAt: webhookEvents.receivedAt })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.connectionId, conn.id), eq(webhookEvents.signatureValid, true), gte(webhookEvents.receivedAt, since)))
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(20);
  const syncErrors = await db
    .select({ message: syncJobs.lastErrorMessage, at: syncJobs.updatedAt })
    .from(syncJobs)
    .where(and(eq(syncJobs.connectionId, conn.id), isNotNull(syncJobs.lastErrorMessage), inArray(syncJobs.status, ["retry", "failed"])))
    .orderBy(desc(syncJobs.updatedAt))
    .limit(5);
  const webhookErrors = events.filter((e) => e.status === "failed");
  const recent_errors = [
    ...syncErrors.map((e) => ({ source: "sync" as const, message: e.message!, at: e.at.toISOString() })),
    ...webhookErrors.map((e) => ({ source: "webhook" as const, message: e.errorMessage ?? "Processing failed", at: e.receivedAt.toISOString() })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 5);
  const status =
    conn.status === "needs_reauth" || conn.health === "offline" || conn.circuitState === "open"
      ? "unhealthy"
      : conn.health === "degraded" || conn.circuitState === "half_open"
        ? "degraded"
        : "healthy";
  return {
    status,
    pos_type: conn.provider,
    last_sync: conn.lastSyncAt?.toISOString() ?? null,
    webhook_status: webhookErrors.length ? "failing" : events.length ? "active" : "idle",
    recent_errors,
  };
}
