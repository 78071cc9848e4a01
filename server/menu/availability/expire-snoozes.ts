/**
 * Snoozes that have run out come back on (the snooze-expiry schedule, every minute on Inngest).
 * Reads already treat an expired snooze as available (snooze.ts), so this job is about the row
 * itself, the audit trail (`snooze_expiry` changes) and telling the POS. The partial indexes on
 * `snoozed_until` keep the scan to rows with a pending snooze.
 */
import { and, eq, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { availabilityChanges } from "~/db/schema";
import { TARGET_TABLES, type TargetType } from "./targets";

export type ExpiredChange = { changeId: string; connectionId: string | null };

export async function expireSnoozes(db: Db, now = new Date()): Promise<ExpiredChange[]> {
  return db.transaction(async (tx) => {
    const out: ExpiredChange[] = [];
    for (const type of Object.keys(TARGET_TABLES) as TargetType[]) {
      const t = TARGET_TABLES[type];
      const flipped = await tx
        .update(t)
        .set({ available: true, snoozedUntil: null, availabilityUpdatedAt: now })
        .where(and(eq(t.available, false), lte(t.snoozedUntil, now)))
        .returning({ id: t.id, organizationId: t.organizationId, restaurantId: t.restaurantId, connectionId: t.connectionId });
      if (!flipped.length) continue;
      const changes = await tx
        .insert(availabilityChanges)
        .values(
          flipped.map((r) => ({
            organizationId: r.organizationId,
            restaurantId: r.restaurantId,
            connectionId: r.connectionId,
            targetType: type,
            targetId: r.id,
            available: true,
            snoozedUntil: null,
            source: "snooze_expiry" as const,
            receivedAt: now,
            appliedAt: now,
          })),
        )
        .returning({ changeId: availabilityChanges.id, connectionId: availabilityChanges.connectionId });
      out.push(...changes);
    }
    return out;
  });
}
