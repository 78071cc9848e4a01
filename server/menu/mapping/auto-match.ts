import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { connections, dishes, itemMappings, itemVariations, menuItems } from "~/db/schema";
import { AppError } from "~/server/errors";
import { nameSimilarity, normalizeName, splitVariation } from "./normalize";

/**
 * The confidence ladder. An external-id match (the marketplace told us the POS id) is certain
 * and is stored already confirmed; everything else is a suggestion the seller reviews.
 */
export const CONFIDENCE = {
  externalId: 1,
  namePrice: 0.9,
  name: 0.7,
  /** Fuzzy (token/bigram) matches land between the floor and this. */
  fuzzyMax: 0.65,
  /** Below this nothing is suggested. */
  floor: 0.5,
  /** Taken off when two POS items match equally well. */
  ambiguityPenalty: 0.15,
  /** The UI's "high" band, and what "confirm all high-confidence" confirms. */
  high: 0.85,
} as const;

/** Fuzzy name similarity needed before a fuzzy match is considered at all. */
const FUZZY_MIN_SIMILARITY = 0.75;

type Dish = typeof dishes.$inferSelect;
type Method = "external_id" | "name_price" | "name";

/** One orderable POS thing: an item without variations, or one variation of an item. */
export type MatchTarget = {
  menuItemId: string;
  variationId: string | null;
  itemExternalId: string;
  variationExternalId: string | null;
  itemName: string;
  variationName: string | null;
  /** The variation's price, else the item's; null when priced at sale time. */
  price: number | null;
  currency: string;
  /** The item has more than one live variation. */
  multiVariation: boolean;
};

export type Match = { target: MatchTarget; confidence: number; method: Method };

const round = (n: number) => Math.round(n * 100) / 100;
/** "Garlic Naan" and item "Naan" + variation "Garlic": the same words in another order. */
const sameWords = (a: string, b: string) => a.split(" ").sort().join(" ") === b.split(" ").sort().join(" ");

function priceMatches(dish: Pick<Dish, "priceAmount" | "currency">, t: MatchTarget) {
  if (dish.priceAmount == null || t.price == null) return false;
  if (dish.currency && dish.currency.toUpperCase() !== t.currency.toUpperCase()) return false;
  return dish.priceAmount === t.price;
}

/**
 * The best POS target for one dish, or null below the floor. Pure: the ladder is
 * external id (1.0) > exact name + price (0.9) > exact name (0.7) > fuzzy name (≤ 0.65).
 */
export function bestMatch(dish: Pick<Dish, "name" | "priceAmount" | "currency" | "posItemRef">, targets: MatchTarget[]): Match | null {
  const ref = dish.posItemRef?.trim();
  if (ref) {
    const byVariation = targets.find((t) => t.variationExternalId === ref);
    if (byVariation) return { target: byVariation, confidence: CONFIDENCE.externalId, method: "external_id" };
    const ofItem = targets.filter((t) => t.itemExternalId === ref);
    // An item id with several variations: the variation of the same price, else the first.
    const pick = ofItem.find((t) => priceMatches(dish, t)) ?? ofItem[0];
    if (pick) return { target: pick, confidence: CONFIDENCE.externalId, method: "external_id" };
  }

  const dishName = normalizeName(dish.name);
  if (!dishName) return null;
  const split = splitVariation(dish.name);
  const scored: Match[] = [];
  for (const t of targets) {
    const item = normalizeName(t.itemName);
    const variation = t.variationName ? normalizeName(t.variationName) : "";
    const exact =
      // "Paneer Tikka" ↔ an item without variations, or with a single (e.g. "Regular") one.
      (dishName === item && (!t.multiVariation || priceMatches(dish, t))) ||
      // "Garlic Bread (6 Pieces)" / "Garlic Bread - 6 Pieces" ↔ item "Garlic Bread", variation "6 Pieces".
      (!!split && !!variation && split.item === item && split.variation === variation) ||
      (!!variation && sameWords(dishName, `${item} ${variation}`));
    const priced = priceMatches(dish, t);
    if (exact) {
      scored.push({ target: t, confidence: priced ? CONFIDENCE.namePrice : CONFIDENCE.name, method: priced ? "name_price" : "name" });
      continue;
    }
    const full = variation && t.multiVariation ? `${item} ${variation}` : item;
    const similarity = Math.max(nameSimilarity(dishName, full), t.multiVariation ? 0 : nameSimilarity(dishName, item));
    if (similarity < FUZZY_MIN_SIMILARITY) continue;
    // 0.75 similar → the floor (0.5), rising with similarity (and a price match) up to fuzzyMax.
    const confidence = Math.min(CONFIDENCE.fuzzyMax, round(CONFIDENCE.floor + (similarity - FUZZY_MIN_SIMILARITY) * 0.6 + (priced ? 0.05 : 0)));
    if (confidence >= CONFIDENCE.floor) scored.push({ target: t, confidence, method: priced ? "name_price" : "name" });
  }
  if (!scored.length) return null;
  scored.sort((a, b) => b.confidence - a.confidence);
  const [best, second] = scored;
  if (second && second.confidence === best!.confidence) {
    const confidence = round(best!.confidence - CONFIDENCE.ambiguityPenalty);
    return confidence >= CONFIDENCE.floor ? { ...best!, confidence } : null;
  }
  return best!;
}

/** The connection's live (not removed) orderable targets from the last synced menu. */
export async function loadTargets(db: Db, connectionId: string): Promise<MatchTarget[]> {
  const items = await db
    .select({ id: menuItems.id, externalId: menuItems.externalId, name: menuItems.name, priceAmount: menuItems.priceAmount, currency: menuItems.currency })
    .from(menuItems)
    .where(and(eq(menuItems.connectionId, connectionId), isNull(menuItems.removedAt)))
    .orderBy(menuItems.sortOrder, menuItems.name);
  if (!items.length) return [];
  const variations = await db
    .select({ id: itemVariations.id, itemId: itemVariations.itemId, externalId: itemVariations.externalId, name: itemVariations.name, priceAmount: itemVariations.priceAmount })
    .from(itemVariations)
    .where(and(eq(itemVariations.connectionId, connectionId), isNull(itemVariations.removedAt)))
    .orderBy(itemVariations.sortOrder, itemVariations.name);
  const byItem = new Map<string, typeof variations>();
  for (const v of variations) byItem.set(v.itemId, [...(byItem.get(v.itemId) ?? []), v]);
  return items.flatMap((i): MatchTarget[] => {
    const vs = byItem.get(i.id) ?? [];
    const base = { menuItemId: i.id, itemExternalId: i.externalId, itemName: i.name, currency: i.currency, multiVariation: vs.length > 1 };
    if (!vs.length) return [{ ...base, variationId: null, variationExternalId: null, variationName: null, price: i.priceAmount }];
    return vs.map((v) => ({ ...base, variationId: v.id, variationExternalId: v.externalId, variationName: v.name, price: v.priceAmount ?? i.priceAmount }));
  });
}

export type AutoMatchResult = { suggested: number; autoConfirmed: number; unmatched: number; kept: number };

/**
 * Match every dish of the connection's restaurant that has no confirmed or rejected mapping
 * against the connection's live menu. Call it after each successful menu sync and after the
 * marketplace sends dishes. Idempotent: suggestions are recomputed (moved, or dropped when
 * nothing matches any more); a seller's confirmed or rejected decision is never touched.
 * External-id matches (the marketplace gave the POS id) are stored confirmed (confirmed_by null).
 */
export async function autoMatch(db: Db, { connectionId, now = new Date() }: { connectionId: string; now?: Date }): Promise<AutoMatchResult> {
  const conn = await db.query.connections.findFirst({
    where: eq(connections.id, connectionId),
    columns: { id: true, organizationId: true, restaurantId: true, status: true },
  });
  if (!conn) throw new AppError("NOT_FOUND", "Connection not found");
  const result: AutoMatchResult = { suggested: 0, autoConfirmed: 0, unmatched: 0, kept: 0 };
  if (conn.status === "disconnected") return result;

  const [allDishes, existing, targets] = await Promise.all([
    db.select().from(dishes).where(eq(dishes.restaurantId, conn.restaurantId)),
    db.select({ dishId: itemMappings.dishId, status: itemMappings.status }).from(itemMappings).where(eq(itemMappings.connectionId, conn.id)),
    loadTargets(db, conn.id),
  ]);
  const decided = new Set(existing.filter((m) => m.status !== "suggested").map((m) => m.dishId));
  const stale: string[] = [];
  const rows: (typeof itemMappings.$inferInsert)[] = [];
  for (const dish of allDishes) {
    if (decided.has(dish.id)) {
      result.kept++;
      continue;
    }
    const match = bestMatch(dish, targets);
    if (!match) {
      result.unmatched++;
      stale.push(dish.id);
      continue;
    }
    const auto = match.method === "external_id";
    if (auto) result.autoConfirmed++;
    else result.suggested++;
    rows.push({
      organizationId: conn.organizationId,
      restaurantId: conn.restaurantId,
      connectionId: conn.id,
      dishId: dish.id,
      menuItemId: match.target.menuItemId,
      variationId: match.target.variationId,
      confidence: match.confidence,
      method: match.method,
      status: auto ? "confirmed" : "suggested",
      confirmedBy: null,
      confirmedAt: auto ? now : null,
    });
  }
  // A suggestion that no longer matches anything goes; decided rows are never deleted here.
  if (stale.length) {
    await db
      .delete(itemMappings)
      .where(and(eq(itemMappings.connectionId, conn.id), eq(itemMappings.status, "suggested"), inArray(itemMappings.dishId, stale)));
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(itemMappings)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [itemMappings.connectionId, itemMappings.dishId],
        set: {
          menuItemId: sql`excluded.menu_item_id`,
          variationId: sql`excluded.variation_id`,
          confidence: sql`excluded.confidence`,
          method: sql`excluded.method`,
          status: sql`excluded.status`,
          confirmedAt: sql`excluded.confirmed_at`,
          updatedAt: now,
        },
        // A seller's decision made meanwhile wins.
        setWhere: eq(itemMappings.status, "suggested"),
      });
  }
  return result;
}
