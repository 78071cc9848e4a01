import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client";
import { dishes, itemMappings, itemVariations, menuItems } from "~/db/schema";
import { AppError } from "~/server/errors";

/** What a canonical order line carries to the adapter for a mapped dish. */
export type PosLineRef = { posItemId: string; posVariationId?: string };
export type MappingProblem = { dishId: string; name: string; reason: string };

type Availability = { available: boolean; snoozedUntil: Date | null };
/** Effective availability: on, or a snooze that has already ended. */
export const isAvailable = (a: Availability, now: Date) => a.available || (a.snoozedUntil !== null && a.snoozedUntil <= now);

/**
 * POS ids for the adapter. The generic meaning: item external id + variation external id
 * (Square sends the variation as catalog_object_id). PetPooja orders a variation by the
 * variation row's own `id` (its external id) as `OrderItem.id` plus the `variationid` of its type
 * (stored as the variation's `pos_ref`) [ref §2.3 "Order→menu mapping"].
 */
export function posLineRef(provider: string, item: { externalId: string }, variation: { externalId: string; posRef?: string | null } | null): PosLineRef {
  if (!variation) return { posItemId: item.externalId };
  if (provider === "petpooja") return { posItemId: variation.externalId, ...(variation.posRef ? { posVariationId: variation.posRef } : {}) };
  return { posItemId: item.externalId, posVariationId: variation.externalId };
}

/**
 * The menu-drift guard and mapping lookup for one order push, in one query (none when no line
 * has a dish id). Only confirmed mappings (by the seller, or auto-confirmed external-id matches)
 * are used; a suggestion is not. A mapped dish whose POS item or variation was removed from the
 * last synced menu, or is sold out, is a problem: the push must not happen. Unmapped dishes
 * have no ref and are sent by name (seed 001 "Sync Behavior").
 */
export async function resolveOrderLines(
  db: Db,
  conn: { id: string; restaurantId: string; provider: string },
  lines: { dishId: string | null; name: string }[],
  now: Date,
): Promise<{ refs: Map<string, PosLineRef>; problems: MappingProblem[] }> {
  const refs = new Map<string, PosLineRef>();
  const problems: MappingProblem[] = [];
  const dishIds = [...new Set(lines.map((l) => l.dishId).filter((d): d is string => !!d))];
  if (!dishIds.length) return { refs, problems };
  const rows = await db
    .select({
      dishId: dishes.externalId,
      item: { externalId: menuItems.externalId, name: menuItems.name, removedAt: menuItems.removedAt, available: menuItems.available, snoozedUntil: menuItems.snoozedUntil },
      variation: { id: itemVariations.id, externalId: itemVariations.externalId, posRef: itemVariations.posRef, name: itemVariations.name, removedAt: itemVariations.removedAt, available: itemVariations.available, snoozedUntil: itemVariations.snoozedUntil },
    })
    .from(itemMappings)
    .innerJoin(dishes, eq(dishes.id, itemMappings.dishId))
    .innerJoin(menuItems, eq(menuItems.id, itemMappings.menuItemId))
    .leftJoin(itemVariations, eq(itemVariations.id, itemMappings.variationId))
    .where(
      and(
        eq(itemMappings.connectionId, conn.id),
        eq(itemMappings.status, "confirmed"),
        eq(dishes.restaurantId, conn.restaurantId),
        inArray(dishes.externalId, dishIds),
      ),
    );
  const nameOf = new Map(lines.filter((l) => l.dishId).map((l) => [l.dishId!, l.name]));
  for (const r of rows) {
    const name = nameOf.get(r.dishId) ?? r.item.name;
    const v = r.variation?.id ? r.variation : null;
    const reason = r.item.removedAt
      ? `POS item "${r.item.name}" removed from menu`
      : v?.removedAt
        ? `POS variation "${r.item.name} (${v.name})" removed from menu`
        : !isAvailable(r.item, now)
          ? `POS item "${r.item.name}" is sold out`
          : v && !isAvailable(v, now)
            ? `POS variation "${r.item.name} (${v.name})" is sold out`
            : null;
    if (reason) problems.push({ dishId: r.dishId, name, reason });
    else refs.set(r.dishId, posLineRef(conn.provider, r.item, v));
  }
  return { refs, problems };
}

/** The permanent `mapping_failed` error for a blocked push, naming every line. */
export function mappingFailedError(problems: MappingProblem[]) {
  const list = problems.map((p) => `${p.name}: ${p.reason}`).join("; ");
  return new AppError("MAPPING_FAILED", `Menu changed on the POS: ${list}. Update the item mapping, then retry.`, {
    details: { problems },
  });
}
