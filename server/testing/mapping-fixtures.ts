/**
 * Menu rows, dishes and mappings for tests of item mapping and the drift guard: the shape a
 * menu sync leaves behind, written directly (no POS call).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { dishes, itemMappings, itemVariations, menuItems, type MappingStatus } from "~/db/schema";

type Conn = { id: string; organizationId: string; restaurantId: string };
type Availability = { available?: boolean; snoozedUntil?: Date | null; removed?: boolean };
export type MenuFixtureItem = Availability & {
  externalId: string;
  name: string;
  price?: number | null;
  currency?: string;
  variations?: (Availability & { externalId: string; posRef?: string; name: string; price?: number | null })[];
};

const state = (a: Availability) => ({ available: a.available ?? true, snoozedUntil: a.snoozedUntil ?? null, removedAt: a.removed ? new Date() : null });

/** Items (and variations) of the connection's synced menu. Returns ids by external id. */
export async function seedMenuItems(db: Db, conn: Conn, items: MenuFixtureItem[]) {
  const ids = new Map<string, string>();
  const tenancy = { organizationId: conn.organizationId, restaurantId: conn.restaurantId, connectionId: conn.id };
  for (const [n, it] of items.entries()) {
    const [row] = await db
      .insert(menuItems)
      .values({ ...tenancy, externalId: it.externalId, name: it.name, priceAmount: it.price ?? null, currency: it.currency ?? "USD", sortOrder: n, contentHash: `h-${it.externalId}`, ...state(it) })
      .returning({ id: menuItems.id });
    ids.set(it.externalId, row!.id);
    for (const [m, v] of (it.variations ?? []).entries()) {
      const [vr] = await db
        .insert(itemVariations)
        .values({ ...tenancy, itemId: row!.id, externalId: v.externalId, posRef: v.posRef ?? null, name: v.name, priceAmount: v.price ?? null, sortOrder: m, contentHash: `h-${v.externalId}`, ...state(v) })
        .returning({ id: itemVariations.id });
      ids.set(v.externalId, vr!.id);
    }
  }
  return ids;
}

export async function seedDishes(
  db: Db,
  restaurant: { id: string; organizationId: string },
  list: { externalId: string; name: string; price?: number | null; currency?: string | null; posItemRef?: string | null }[],
) {
  const rows = await db
    .insert(dishes)
    .values(
      list.map((d) => ({
        organizationId: restaurant.organizationId,
        restaurantId: restaurant.id,
        externalId: d.externalId,
        name: d.name,
        priceAmount: d.price ?? null,
        currency: d.currency ?? null,
        posItemRef: d.posItemRef ?? null,
      })),
    )
    .returning();
  return new Map(rows.map((r) => [r.externalId, r]));
}

/** A mapping as the seller left it (confirmed by default). */
export async function mapDish(
  db: Db,
  conn: Conn,
  m: { dishExternalId: string; itemExternalId: string; variationExternalId?: string; status?: MappingStatus; confidence?: number },
) {
  const [dish] = await db.select().from(dishes).where(and(eq(dishes.restaurantId, conn.restaurantId), eq(dishes.externalId, m.dishExternalId)));
  const [item] = await db.select().from(menuItems).where(and(eq(menuItems.connectionId, conn.id), eq(menuItems.externalId, m.itemExternalId)));
  const [variation] = m.variationExternalId
    ? await db.select().from(itemVariations).where(and(eq(itemVariations.connectionId, conn.id), eq(itemVariations.externalId, m.variationExternalId)))
    : [];
  const status = m.status ?? "confirmed";
  const [row] = await db
    .insert(itemMappings)
    .values({
      organizationId: conn.organizationId,
      restaurantId: conn.restaurantId,
      connectionId: conn.id,
      dishId: dish!.id,
      menuItemId: item!.id,
      variationId: variation?.id ?? null,
      confidence: m.confidence ?? 1,
      method: "manual",
      status,
      confirmedAt: status === "suggested" ? null : new Date(),
    })
    .returning();
  return row!;
}
