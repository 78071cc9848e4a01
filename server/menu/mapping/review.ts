import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client";
import { dishes, itemMappings, itemVariations, menuItems, menuSyncRuns } from "~/db/schema";
import { liveConnection } from "~/server/connections/manage";
import { CONFIDENCE, loadTargets } from "./auto-match";

export type ConfidenceBand = "high" | "medium" | "low";
export const bandOf = (confidence: number): ConfidenceBand =>
  confidence >= CONFIDENCE.high ? "high" : confidence >= CONFIDENCE.name ? "medium" : "low";

/**
 * The mapping review table for a restaurant's live connection: every dish with its mapping
 * (if any) and the POS item it points at. Callers check tenancy first.
 */
export async function listMappingReview(db: Db, restaurantId: string) {
  const conn = await liveConnection(db, restaurantId);
  const v = alias(itemVariations, "v");
  const [rows, lastSync, liveItem] = await Promise.all([
    db
      .select({
        dish: { id: dishes.id, externalId: dishes.externalId, name: dishes.name, priceAmount: dishes.priceAmount, currency: dishes.currency },
        mapping: { id: itemMappings.id, status: itemMappings.status, method: itemMappings.method, confidence: itemMappings.confidence, confirmedAt: itemMappings.confirmedAt },
        item: { id: menuItems.id, name: menuItems.name, externalId: menuItems.externalId, priceAmount: menuItems.priceAmount, currency: menuItems.currency, removedAt: menuItems.removedAt, available: menuItems.available, snoozedUntil: menuItems.snoozedUntil },
        variation: { id: v.id, name: v.name, externalId: v.externalId, priceAmount: v.priceAmount, removedAt: v.removedAt, available: v.available, snoozedUntil: v.snoozedUntil },
      })
      .from(dishes)
      .leftJoin(itemMappings, and(eq(itemMappings.dishId, dishes.id), eq(itemMappings.connectionId, conn?.id ?? "00000000-0000-0000-0000-000000000000")))
      .leftJoin(menuItems, eq(menuItems.id, itemMappings.menuItemId))
      .leftJoin(v, eq(v.id, itemMappings.variationId))
      .where(eq(dishes.restaurantId, restaurantId))
      .orderBy(asc(dishes.name))
      .limit(2000),
    conn
      ? db.select({ completedAt: menuSyncRuns.completedAt, status: menuSyncRuns.status }).from(menuSyncRuns).where(eq(menuSyncRuns.connectionId, conn.id)).orderBy(desc(menuSyncRuns.startedAt)).limit(1)
      : [],
    conn ? db.select({ id: menuItems.id }).from(menuItems).where(and(eq(menuItems.connectionId, conn.id), isNull(menuItems.removedAt))).limit(1) : [],
  ]);
  const now = new Date();
  const availableNow = (a: { available: boolean; snoozedUntil: Date | null }) => a.available || (!!a.snoozedUntil && a.snoozedUntil <= now);
  return {
    connection: conn ? { id: conn.id, provider: conn.provider } : null,
    hasMenu: liveItem.length > 0,
    lastMenuSync: lastSync[0] ?? null,
    dishes: rows.map((r) => {
      const m = r.mapping?.id && r.item?.id ? r.mapping : null;
      const variation = r.variation?.id ? r.variation : null;
      return {
        ...r.dish,
        mapping: m
          ? {
              id: m.id,
              status: m.status,
              method: m.method,
              confidence: m.confidence,
              band: bandOf(m.confidence),
              autoConfirmed: m.status === "confirmed" && m.method === "external_id",
              item: { id: r.item!.id, name: r.item!.name, externalId: r.item!.externalId },
              variation: variation ? { id: variation.id, name: variation.name, externalId: variation.externalId } : null,
              price: variation?.priceAmount ?? r.item!.priceAmount,
              currency: r.item!.currency,
              removed: !!r.item!.removedAt || !!variation?.removedAt,
              soldOut: !availableNow(r.item!) || (!!variation && !availableNow(variation)),
            }
          : null,
      };
    }),
  };
}

/** The POS items/variations a dish can be mapped to (the live menu), for the "change" picker. */
export async function listPosOptions(db: Db, restaurantId: string) {
  const conn = await liveConnection(db, restaurantId);
  if (!conn) return [];
  return (await loadTargets(db, conn.id)).map((t) => ({
    menuItemId: t.menuItemId,
    variationId: t.variationId,
    itemName: t.itemName,
    variationName: t.multiVariation ? t.variationName : null,
    externalId: t.variationExternalId ?? t.itemExternalId,
    price: t.price,
    currency: t.currency,
  }));
}
