/**
 * The normalized menu of one restaurant as readers see it: categories → items → variations and
 * modifier groups → modifiers, removed rows left out, availability EFFECTIVE at `now` (an expired
 * snooze reads as available even before the expiry job ran). Six small indexed queries run
 * together; the tree is assembled in memory. Shared by the seller UI (tRPC) and the
 * marketplace API (GET /api/v1/restaurants/:id/menu).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { itemVariations, menuCategories, menuItemModifierGroups, menuItems, modifierGroups, modifiers } from "~/db/schema";
import { effectiveAvailability } from "./snooze";

export type MenuModifier = { id: string; externalId: string; name: string; price: number; available: boolean; snoozedUntil: Date | null };
export type MenuModifierGroup = { id: string; externalId: string; name: string; minSelect: number; maxSelect: number | null; modifiers: MenuModifier[] };
export type MenuVariation = { id: string; externalId: string; name: string; price: number | null; available: boolean; snoozedUntil: Date | null };
export type MenuItem = {
  id: string;
  externalId: string;
  connectionId: string;
  name: string;
  description: string | null;
  price: number | null;
  currency: string;
  imageUrl: string | null;
  available: boolean;
  snoozedUntil: Date | null;
  variations: MenuVariation[];
  modifierGroups: MenuModifierGroup[];
};
export type MenuCategory = { id: string | null; externalId: string | null; name: string; items: MenuItem[] };
export type MenuTree = { categories: MenuCategory[]; itemCount: number };

export async function loadMenuTree(db: Db, restaurantId: string, now = new Date()): Promise<MenuTree> {
  const [cats, items, vars, groups, mods, links] = await Promise.all([
    db.select().from(menuCategories).where(and(eq(menuCategories.restaurantId, restaurantId), isNull(menuCategories.removedAt))).orderBy(asc(menuCategories.sortOrder), asc(menuCategories.name)),
    db.select().from(menuItems).where(and(eq(menuItems.restaurantId, restaurantId), isNull(menuItems.removedAt))).orderBy(asc(menuItems.sortOrder), asc(menuItems.name)),
    db.select().from(itemVariations).where(and(eq(itemVariations.restaurantId, restaurantId), isNull(itemVariations.removedAt))).orderBy(asc(itemVariations.sortOrder)),
    db.select().from(modifierGroups).where(and(eq(modifierGroups.restaurantId, restaurantId), isNull(modifierGroups.removedAt))),
    db.select().from(modifiers).where(and(eq(modifiers.restaurantId, restaurantId), isNull(modifiers.removedAt))).orderBy(asc(modifiers.sortOrder)),
    db
      .select({ itemId: menuItemModifierGroups.itemId, groupId: menuItemModifierGroups.groupId, sortOrder: menuItemModifierGroups.sortOrder })
      .from(menuItemModifierGroups)
      .innerJoin(menuItems, eq(menuItems.id, menuItemModifierGroups.itemId))
      .where(eq(menuItems.restaurantId, restaurantId))
      .orderBy(asc(menuItemModifierGroups.sortOrder)),
  ]);

  const avail = (r: { available: boolean; snoozedUntil: Date | null }) => effectiveAvailability(r, now);
  const modsByGroup = groupBy(mods, (m) => m.groupId);
  const groupById = new Map(
    groups.map((g) => [
      g.id,
      {
        id: g.id,
        externalId: g.externalId,
        name: g.name,
        minSelect: g.minSelect,
        maxSelect: g.maxSelect,
        modifiers: (modsByGroup.get(g.id) ?? []).map((m) => ({ id: m.id, externalId: m.externalId, name: m.name, price: m.priceAmount, ...avail(m) })),
      } satisfies MenuModifierGroup,
    ]),
  );
  const varsByItem = groupBy(vars, (v) => v.itemId);
  const linksByItem = groupBy(links, (l) => l.itemId);
  const itemsByCategory = groupBy(items, (i) => i.categoryId ?? "");

  const toItem = (i: (typeof items)[number]): MenuItem => ({
    id: i.id,
    externalId: i.externalId,
    connectionId: i.connectionId,
    name: i.name,
    description: i.description,
    price: i.priceAmount,
    currency: i.currency,
    imageUrl: i.imageUrl,
    ...avail(i),
    variations: (varsByItem.get(i.id) ?? []).map((v) => ({ id: v.id, externalId: v.externalId, name: v.name, price: v.priceAmount, ...avail(v) })),
    modifierGroups: (linksByItem.get(i.id) ?? []).flatMap((l) => {
      const g = groupById.get(l.groupId);
      return g ? [g] : [];
    }),
  });

  const categories: MenuCategory[] = cats
    .map((c) => ({ id: c.id, externalId: c.externalId, name: c.name, items: (itemsByCategory.get(c.id) ?? []).map(toItem) }))
    .filter((c) => c.items.length > 0);
  // Items whose category was removed or that never had one.
  const liveCategoryIds = new Set(cats.map((c) => c.id));
  const loose = items.filter((i) => !i.categoryId || !liveCategoryIds.has(i.categoryId));
  if (loose.length) categories.push({ id: null, externalId: null, name: "Other", items: loose.map(toItem) });
  return { categories, itemCount: items.length };
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
