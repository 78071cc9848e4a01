import { ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client";
import { connections, dishes } from "~/db/schema";
import { autoMatch } from "./auto-match";

export type DishInput = { externalId: string; name: string; priceAmount: number | null; currency: string | null; posItemRef: string | null };

/**
 * The marketplace's dish list (`PUT /api/v1/restaurants/:id/dishes`): upsert by (restaurant,
 * dish id), then match the dishes against the menu of every live connection of the restaurant.
 * Dishes missing from the list are kept (orders and mappings still point at them).
 */
export async function upsertDishes(db: Db, restaurant: { id: string; organizationId: string }, input: DishInput[]) {
  // Last one wins when the same dish id is sent twice in one list.
  const unique = [...new Map(input.map((d) => [d.externalId, d])).values()];
  for (let i = 0; i < unique.length; i += 500) {
    await db
      .insert(dishes)
      .values(unique.slice(i, i + 500).map((d) => ({ ...d, organizationId: restaurant.organizationId, restaurantId: restaurant.id })))
      .onConflictDoUpdate({
        target: [dishes.restaurantId, dishes.externalId],
        set: {
          name: sql`excluded.name`,
          priceAmount: sql`excluded.price_amount`,
          currency: sql`excluded.currency`,
          posItemRef: sql`excluded.pos_item_ref`,
          updatedAt: sql`now()`,
        },
      });
  }
  const live = await db.query.connections.findMany({
    where: (c, { and, eq }) => and(eq(c.restaurantId, restaurant.id), ne(connections.status, "disconnected")),
    columns: { id: true },
  });
  const matched = [];
  for (const c of live) matched.push(await autoMatch(db, { connectionId: c.id }));
  return { upserted: unique.length, matched };
}

/**
 * Order intake learns dishes from order lines (dish id, name, unit price): one multi-row
 * insert that leaves known dishes alone, so the marketplace's own list (PUT) stays authoritative.
 */
export async function recordOrderedDishes(
  db: DbOrTx,
  restaurant: { id: string; organizationId: string; currency: string },
  lines: { dishId?: string; name: string; unitPrice: number }[],
) {
  const seen = new Map<string, { name: string; unitPrice: number }>();
  for (const l of lines) if (l.dishId && !seen.has(l.dishId)) seen.set(l.dishId, l);
  if (!seen.size) return;
  await db
    .insert(dishes)
    .values(
      [...seen].map(([externalId, l]) => ({
        organizationId: restaurant.organizationId,
        restaurantId: restaurant.id,
        externalId,
        name: l.name,
        priceAmount: l.unitPrice,
        currency: restaurant.currency,
      })),
    )
    .onConflictDoNothing({ target: [dishes.restaurantId, dishes.externalId] });
}
