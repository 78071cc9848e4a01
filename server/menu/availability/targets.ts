/**
 * The three kinds of menu rows that can be 86'd, behind one lookup: by our id within a
 * restaurant (seller side) or by the POS's external id within a connection (webhooks).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { itemVariations, menuItems, modifiers, type AVAILABILITY_TARGETS } from "~/db/schema";

export type TargetType = (typeof AVAILABILITY_TARGETS)[number];

export const TARGET_TABLES = { item: menuItems, variation: itemVariations, modifier: modifiers } as const;

export type TargetRow = {
  id: string;
  organizationId: string;
  restaurantId: string;
  connectionId: string;
  externalId: string;
  name: string;
  available: boolean;
  snoozedUntil: Date | null;
};

const columnsOf = (t: (typeof TARGET_TABLES)[TargetType]) => ({
  id: t.id,
  organizationId: t.organizationId,
  restaurantId: t.restaurantId,
  connectionId: t.connectionId,
  externalId: t.externalId,
  name: t.name,
  available: t.available,
  snoozedUntil: t.snoozedUntil,
});

/** A live (not removed) row of this restaurant, or null (another tenant's id is simply not found). */
export async function findTarget(db: Db, restaurantId: string, type: TargetType, id: string): Promise<TargetRow | null> {
  const t = TARGET_TABLES[type];
  const [row] = await db
    .select(columnsOf(t))
    .from(t)
    .where(and(eq(t.id, id), eq(t.restaurantId, restaurantId), isNull(t.removedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * The row a POS id names on this connection. PetPooja's on/off callback says "item" or "addon"
 * but the inventory callback does not, and Square counts stock per variation: so try each kind,
 * items first.
 */
export async function findTargetByExternalId(
  db: Db,
  connectionId: string,
  externalId: string,
  order: TargetType[] = ["item", "variation", "modifier"],
): Promise<{ type: TargetType; row: TargetRow } | null> {
  for (const type of order) {
    const t = TARGET_TABLES[type];
    const [row] = await db
      .select(columnsOf(t))
      .from(t)
      .where(and(eq(t.connectionId, connectionId), eq(t.externalId, externalId), isNull(t.removedAt)))
      .limit(1);
    if (row) return { type, row };
  }
  return null;
}

/** Write the new state; `availability_updated_at` says when our menu learned it. */
export async function writeTargetState(db: Db, type: TargetType, id: string, state: { available: boolean; snoozedUntil: Date | null }, at: Date) {
  const t = TARGET_TABLES[type];
  await db.update(t).set({ available: state.available, snoozedUntil: state.snoozedUntil, availabilityUpdatedAt: at }).where(eq(t.id, id));
}
