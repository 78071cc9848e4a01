import { and, eq, gte, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { dishes, itemMappings, itemVariations, menuItems } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";
import { liveConnection } from "~/server/connections/manage";
import { AppError } from "~/server/errors";
import { autoMatch, CONFIDENCE } from "./auto-match";

type Actor = { organizationId: string; userId: string };

async function connectionOf(db: Db, restaurantId: string) {
  const conn = await liveConnection(db, restaurantId);
  if (!conn) throw new AppError("NOT_FOUND", "No POS is connected to this restaurant");
  return conn;
}

async function dishOf(db: Db, restaurantId: string, dishId: string) {
  const [dish] = await db.select().from(dishes).where(and(eq(dishes.id, dishId), eq(dishes.restaurantId, restaurantId)));
  if (!dish) throw new AppError("NOT_FOUND", "Dish not found");
  return dish;
}

const audit = (db: Db, actor: Actor, action: string, targetId: string, metadata: Record<string, unknown>) =>
  recordAudit(db, { actorType: "user", actorUserId: actor.userId, organizationId: actor.organizationId, action, targetType: "item_mapping", targetId, metadata });

export const setMappingInput = z.object({
  dishId: z.uuid(),
  menuItemId: z.uuid(),
  variationId: z.uuid().nullable().optional(),
});

/**
 * Confirm a dish's mapping: to the suggested POS item (no target given), or to the POS
 * item/variation the seller picked (method `manual`). The target must be live on this
 * restaurant's connection.
 */
export async function confirmMapping(db: Db, actor: Actor, restaurantId: string, input: { dishId: string; menuItemId?: string; variationId?: string | null }) {
  const conn = await connectionOf(db, restaurantId);
  const dish = await dishOf(db, restaurantId, input.dishId);
  const now = new Date();
  if (!input.menuItemId) {
    const [row] = await db
      .update(itemMappings)
      .set({ status: "confirmed", confirmedBy: actor.userId, confirmedAt: now, updatedAt: now })
      .where(and(eq(itemMappings.connectionId, conn.id), eq(itemMappings.dishId, dish.id)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "This dish has no suggested mapping: pick a POS item");
    await audit(db, actor, "item_mapping.confirmed", row.id, { dishId: dish.id, menuItemId: row.menuItemId, variationId: row.variationId });
    return row;
  }
  const [item] = await db
    .select({ id: menuItems.id })
    .from(menuItems)
    .where(and(eq(menuItems.id, input.menuItemId), eq(menuItems.connectionId, conn.id), isNull(menuItems.removedAt)));
  if (!item) throw new AppError("NOT_FOUND", "POS item not found on the current menu");
  const variations = await db
    .select({ id: itemVariations.id })
    .from(itemVariations)
    .where(and(eq(itemVariations.itemId, item.id), isNull(itemVariations.removedAt)));
  let variationId = input.variationId ?? null;
  if (variationId && !variations.some((v) => v.id === variationId)) throw new AppError("NOT_FOUND", "Variation not found on this POS item");
  if (!variationId && variations.length === 1) variationId = variations[0]!.id;
  const values = { menuItemId: item.id, variationId, confidence: 1, method: "manual" as const, status: "confirmed" as const, confirmedBy: actor.userId, confirmedAt: now, updatedAt: now };
  const [row] = await db
    .insert(itemMappings)
    .values({ organizationId: conn.organizationId, restaurantId, connectionId: conn.id, dishId: dish.id, ...values })
    .onConflictDoUpdate({ target: [itemMappings.connectionId, itemMappings.dishId], set: values })
    .returning();
  await audit(db, actor, "item_mapping.confirmed", row!.id, { dishId: dish.id, menuItemId: item.id, variationId, manual: true });
  return row!;
}

/** The suggestion is wrong: the dish stays unmapped (sent by name) and matching leaves it alone. */
export async function rejectMapping(db: Db, actor: Actor, restaurantId: string, dishId: string) {
  const conn = await connectionOf(db, restaurantId);
  const dish = await dishOf(db, restaurantId, dishId);
  const now = new Date();
  const [row] = await db
    .update(itemMappings)
    .set({ status: "rejected", confirmedBy: actor.userId, confirmedAt: now, updatedAt: now })
    .where(and(eq(itemMappings.connectionId, conn.id), eq(itemMappings.dishId, dish.id)))
    .returning();
  if (!row) throw new AppError("NOT_FOUND", "This dish has no mapping to reject");
  await audit(db, actor, "item_mapping.rejected", row.id, { dishId: dish.id });
  return row;
}

/** Forget the decision: the dish goes back to automatic matching. */
export async function resetMapping(db: Db, actor: Actor, restaurantId: string, dishId: string) {
  const conn = await connectionOf(db, restaurantId);
  const dish = await dishOf(db, restaurantId, dishId);
  await db.delete(itemMappings).where(and(eq(itemMappings.connectionId, conn.id), eq(itemMappings.dishId, dish.id)));
  await audit(db, actor, "item_mapping.reset", dish.id, { dishId: dish.id });
  return autoMatch(db, { connectionId: conn.id });
}

/** "Confirm all high-confidence": every suggestion at or above the high band. */
export async function confirmAllHigh(db: Db, actor: Actor, restaurantId: string) {
  const conn = await connectionOf(db, restaurantId);
  const now = new Date();
  const rows = await db
    .update(itemMappings)
    .set({ status: "confirmed", confirmedBy: actor.userId, confirmedAt: now, updatedAt: now })
    .where(and(eq(itemMappings.connectionId, conn.id), eq(itemMappings.status, "suggested"), gte(itemMappings.confidence, CONFIDENCE.high)))
    .returning({ id: itemMappings.id });
  if (rows.length) await audit(db, actor, "item_mapping.confirmed_bulk", conn.id, { count: rows.length, ids: rows.map((r) => r.id).slice(0, 100) });
  return { confirmed: rows.length };
}

/** "Re-run matching" for the restaurant's live connection. */
export async function rerunMatching(db: Db, restaurantId: string) {
  const conn = await connectionOf(db, restaurantId);
  return autoMatch(db, { connectionId: conn.id });
}

