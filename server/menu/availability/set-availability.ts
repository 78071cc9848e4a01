/**
 * A seller (or the marketplace API) 86es a menu row or turns it back on. The change is written
 * and recorded in one transaction, then its push to the POS is handed to the jobs seam, so the
 * click returns at once and a POS outage only delays the push (retried, see push.ts).
 */
import type { Db } from "~/db/client";
import { availabilityChanges, connections, restaurants } from "~/db/schema";
import { and, eq } from "drizzle-orm";
import { AppError } from "~/server/errors";
import { dispatch } from "~/server/jobs/dispatch";
import { InvalidSnoozeError, resolveSnooze, type AvailabilityState, type SnoozeChoice } from "./snooze";
import { findTarget, writeTargetState, type TargetType } from "./targets";

export type SetAvailabilityInput = {
  organizationId: string;
  restaurantId: string;
  targetType: TargetType;
  targetId: string;
  choice: SnoozeChoice;
  actorUserId?: string | null;
  source?: "seller" | "api";
  now?: Date;
};

export type SetAvailabilityResult = AvailabilityState & { changeId: string; targetId: string; targetType: TargetType };

export async function setAvailability(db: Db, input: SetAvailabilityInput): Promise<SetAvailabilityResult> {
  const now = input.now ?? new Date();
  const [restaurant] = await db
    .select({ timezone: restaurants.timezone })
    .from(restaurants)
    .where(and(eq(restaurants.id, input.restaurantId), eq(restaurants.organizationId, input.organizationId)))
    .limit(1);
  if (!restaurant) throw new AppError("NOT_FOUND", "Restaurant not found");
  const target = await findTarget(db, input.restaurantId, input.targetType, input.targetId);
  if (!target || target.organizationId !== input.organizationId) throw new AppError("NOT_FOUND", "Menu item not found");

  let state: AvailabilityState;
  try {
    state = resolveSnooze(input.choice, { now, timeZone: restaurant.timezone });
  } catch (err) {
    if (err instanceof InvalidSnoozeError) throw new AppError("BAD_REQUEST", err.message, { details: { fieldErrors: { until: [err.message] } } });
    throw err;
  }

  const change = await db.transaction(async (tx) => {
    await writeTargetState(tx, input.targetType, target.id, state, now);
    const [row] = await tx
      .insert(availabilityChanges)
      .values({
        organizationId: target.organizationId,
        restaurantId: target.restaurantId,
        connectionId: target.connectionId,
        targetType: input.targetType,
        targetId: target.id,
        available: state.available,
        snoozedUntil: state.snoozedUntil,
        source: input.source ?? "seller",
        actorUserId: input.actorUserId ?? null,
        receivedAt: now,
        appliedAt: now,
      })
      .returning({ id: availabilityChanges.id });
    return row!;
  });

  await requestPush(db, change.id, target.connectionId);
  return { ...state, changeId: change.id, targetId: target.id, targetType: input.targetType };
}

/** Hand one recorded change to the jobs seam (carries ids for Inngest flow control). */
export async function requestPush(db: Db, changeId: string, connectionId: string | null) {
  let provider: string | null = null;
  if (connectionId) {
    const [c] = await db.select({ provider: connections.provider }).from(connections).where(eq(connections.id, connectionId)).limit(1);
    provider = c?.provider ?? null;
  }
  await dispatch({ name: "switchboard/menu.availability-push-requested", data: { changeId, connectionId, provider } });
}
