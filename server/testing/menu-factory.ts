/**
 * A small synced menu for one connection, inserted directly (tests, e2e and the demo seed):
 * two categories, items with variations, a modifier group. External ids are given so tests can
 * line them up with a fake POS's catalog.
 */
import type { Db } from "~/db/client";
import { itemVariations, menuCategories, menuItemModifierGroups, menuItems, modifierGroups, modifiers } from "~/db/schema";

export type MenuSpec = {
  currency?: string;
  categories: {
    externalId: string;
    name: string;
    items: {
      externalId: string;
      name: string;
      description?: string;
      price: number | null;
      variations?: { externalId: string; name: string; price: number | null }[];
      modifierGroups?: string[];
    }[];
  }[];
  modifierGroups?: { externalId: string; name: string; minSelect?: number; maxSelect?: number | null; modifiers: { externalId: string; name: string; price: number }[] }[];
};

export const DEFAULT_MENU: MenuSpec = {
  categories: [
    {
      externalId: "cat-mains",
      name: "Mains",
      items: [
        { externalId: "item-paneer", name: "Paneer Butter Masala", description: "Cottage cheese in a tomato-butter gravy", price: 1450, variations: [{ externalId: "var-paneer-reg", name: "Regular", price: 1450 }, { externalId: "var-paneer-lg", name: "Large", price: 1850 }], modifierGroups: ["grp-spice"] },
        { externalId: "item-dal", name: "Dal Makhani", price: 1200, variations: [{ externalId: "var-dal-reg", name: "Regular", price: 1200 }], modifierGroups: ["grp-spice"] },
      ],
    },
    {
      externalId: "cat-breads",
      name: "Breads",
      items: [{ externalId: "item-naan", name: "Garlic Naan", price: 350, variations: [{ externalId: "var-naan-reg", name: "Regular", price: 350 }] }],
    },
  ],
  modifierGroups: [
    { externalId: "grp-spice", name: "Spice level", minSelect: 0, maxSelect: 1, modifiers: [{ externalId: "mod-mild", name: "Mild", price: 0 }, { externalId: "mod-hot", name: "Extra hot", price: 50 }] },
  ],
};

type Owner = { organizationId: string; restaurantId: string; connectionId: string };

export async function makeMenu(db: Db, owner: Owner, spec: MenuSpec = DEFAULT_MENU) {
  const currency = spec.currency ?? "USD";
  const hash = "test";
  const groups = new Map<string, string>();
  const ids = { categories: {} as Record<string, string>, items: {} as Record<string, string>, variations: {} as Record<string, string>, modifiers: {} as Record<string, string>, groups: {} as Record<string, string> };
  for (const [gi, g] of (spec.modifierGroups ?? []).entries()) {
    const [row] = await db
      .insert(modifierGroups)
      .values({ ...owner, externalId: g.externalId, name: g.name, minSelect: g.minSelect ?? 0, maxSelect: g.maxSelect ?? null, sortOrder: gi, contentHash: hash })
      .returning();
    groups.set(g.externalId, row!.id);
    ids.groups[g.externalId] = row!.id;
    for (const [mi, m] of g.modifiers.entries()) {
      const [mod] = await db.insert(modifiers).values({ ...owner, groupId: row!.id, externalId: m.externalId, name: m.name, priceAmount: m.price, sortOrder: mi, contentHash: hash }).returning();
      ids.modifiers[m.externalId] = mod!.id;
    }
  }
  for (const [ci, c] of spec.categories.entries()) {
    const [cat] = await db.insert(menuCategories).values({ ...owner, externalId: c.externalId, name: c.name, sortOrder: ci, contentHash: hash }).returning();
    ids.categories[c.externalId] = cat!.id;
    for (const [ii, i] of c.items.entries()) {
      const [item] = await db
        .insert(menuItems)
        .values({ ...owner, categoryId: cat!.id, externalId: i.externalId, name: i.name, description: i.description ?? null, priceAmount: i.price, currency, sortOrder: ii, contentHash: hash })
        .returning();
      ids.items[i.externalId] = item!.id;
      for (const [vi, v] of (i.variations ?? []).entries()) {
        const [variation] = await db.insert(itemVariations).values({ ...owner, itemId: item!.id, externalId: v.externalId, name: v.name, priceAmount: v.price, sortOrder: vi, contentHash: hash }).returning();
        ids.variations[v.externalId] = variation!.id;
      }
      for (const [li, gid] of (i.modifierGroups ?? []).entries()) {
        const groupId = groups.get(gid);
        if (groupId) await db.insert(menuItemModifierGroups).values({ itemId: item!.id, groupId, sortOrder: li });
      }
    }
  }
  return ids;
}
