/**
 * The demo restaurant's menu (issue 5), for `npm run dev`: a Square connection on the first
 * demo restaurant with a menu as the last sync left it, a sync run in the history, one item 86'd
 * until further notice and one snoozed for a few hours, and mapping suggestions for the dishes
 * the demo orders used.
 *
 * The rows carry the Square sandbox's own catalog ids (server/integrations/square/fake-seed.ts:
 * FAKECAT…, FAKEITEM…, FAKEVAR…R/L, the "Extras" modifier list), so once the seller connects the
 * sandbox again a real "Sync now" updates these rows in place and 86 pushes hit ids the fake knows.
 * The names are the demo dishes', so Menu → Mapping has name + price matches to review. The
 * seed holds no token (the sandbox keeps its tokens in memory), so the connection starts as
 * `needs_reauth`; when the dev server starts the sandbox it gives it a fresh token
 * (server/integrations/square/sandbox-adopt.ts), and without a sandbox Integrations → Reconnect.
 */
import { eq } from "drizzle-orm";
import { autoMatch } from "~/server/menu/mapping/auto-match";
import { makeMenu, type MenuSpec } from "~/server/testing/menu-factory";
import type { Db } from "./client";
import { availabilityChanges, connections, itemVariations, menuItems, menuSyncRuns } from "./schema";

// Mirrors fake-seed.ts (ids are part of the fake's contract; the seed must not import the fake).
const FAKE_MERCHANT_ID = "MLFAKEMERCHANT01";
const FAKE_LOCATION_ID = "LFAKEMAINST0001";
const cat = (i: number) => `FAKECAT${String(i).padStart(4, "0")}`;
const item = (i: number) => `FAKEITEM${String(i).padStart(4, "0")}`;
const variation = (i: number, size: "R" | "L" = "R") => `FAKEVAR${String(i).padStart(4, "0")}${size}`;
const EXTRAS = "FAKEMODLIST0001";

/** Item i of the fake sits in category i % 6, has a Large variation when i % 5 === 0 and the Extras list when i < 10. */
function dish(i: number, name: string, price: number, description?: string) {
  return {
    externalId: item(i),
    name,
    description,
    price,
    variations: [
      { externalId: variation(i), name: "Regular", price },
      ...(i % 5 === 0 ? [{ externalId: variation(i, "L"), name: "Large", price: price + 300 }] : []),
    ],
    modifierGroups: i < 10 ? [EXTRAS] : [],
  };
}

export const DEMO_MENU: MenuSpec = {
  currency: "USD",
  categories: [
    { externalId: cat(0), name: "Mains", items: [dish(0, "Paneer Butter Masala", 1450, "Cottage cheese in a tomato-butter gravy"), dish(6, "Butter Chicken", 1595, "Tandoori chicken in a creamy tomato sauce"), dish(12, "Lamb Rogan Josh", 1895, "Slow-cooked Kashmiri lamb curry")] },
    { externalId: cat(1), name: "Sides", items: [dish(1, "Garlic Naan", 350, "Tandoor flatbread with garlic butter"), dish(7, "Mango Lassi", 495, "Sweet yogurt drink with Alphonso mango"), dish(13, "Jeera Rice", 450)] },
    { externalId: cat(2), name: "Bowls", items: [dish(2, "Chicken Biryani", 1695, "Basmati rice layered with spiced chicken"), dish(8, "Chole Bowl", 1150, "Chickpea curry over rice")] },
    { externalId: cat(3), name: "Street Food", items: [dish(3, "Masala Dosa", 1195, "Rice crêpe filled with spiced potatoes"), dish(9, "Samosa Chaat", 795)] },
    { externalId: cat(4), name: "Specials", items: [dish(4, "Chef's Thali", 2195, "Three curries, rice, naan and dessert")] },
    { externalId: cat(5), name: "Vegetarian", items: [dish(5, "Dal Makhani", 1200, "Black lentils simmered overnight"), dish(11, "Palak Paneer", 1350)] },
  ],
  modifierGroups: [
    {
      externalId: EXTRAS,
      name: "Extras",
      minSelect: 0,
      maxSelect: null,
      modifiers: [
        { externalId: "FAKEMOD0001", name: "Extra cheese", price: 150 },
        { externalId: "FAKEMOD0002", name: "No onions", price: 0 },
        { externalId: "FAKEMOD0003", name: "Extra spicy", price: 50 },
      ],
    },
  ],
};

/** Sold out until turned back on, and snoozed for a few hours (the expiry job brings it back). */
export const DEMO_SOLD_OUT = item(7);
export const DEMO_SNOOZED = item(5);

export async function seedDemoMenu(db: Db, restaurant: { id: string; organizationId: string }, now = new Date()) {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const [conn] = await tx
      .insert(connections)
      .values({
        organizationId: restaurant.organizationId,
        restaurantId: restaurant.id,
        provider: "square",
        status: "needs_reauth",
        health: "offline",
        externalLocationId: FAKE_LOCATION_ID,
        externalMerchantId: FAKE_MERCHANT_ID,
        lastError: "Demo data: connect the Square sandbox again (Integrations → Reconnect) to sync for real.",
        lastSyncAt: new Date(now.getTime() - 25 * 60_000),
      })
      .returning();
    const owner = { organizationId: restaurant.organizationId, restaurantId: restaurant.id, connectionId: conn!.id };
    const ids = await makeMenu(tx, owner, DEMO_MENU);

    // The initial sync that "pulled" this menu, as the history shows it.
    const itemCount = DEMO_MENU.categories.reduce((n, c) => n + c.items.length, 0);
    const variationCount = DEMO_MENU.categories.reduce((n, c) => n + c.items.reduce((m, i) => m + (i.variations?.length ?? 0), 0), 0);
    const modifierCount = (DEMO_MENU.modifierGroups ?? []).reduce((n, g) => n + g.modifiers.length, 0);
    const rows = DEMO_MENU.categories.length + (DEMO_MENU.modifierGroups ?? []).length + modifierCount + itemCount + variationCount;
    const startedAt = new Date(now.getTime() - 25 * 60_000);
    await tx.insert(menuSyncRuns).values({
      ...owner,
      trigger: "initial",
      status: "success",
      fetchedCount: rows,
      createdCount: rows,
      categoriesSynced: DEMO_MENU.categories.length,
      itemsSynced: itemCount,
      startedAt,
      completedAt: new Date(startedAt.getTime() + 1_840),
      durationMs: 1_840,
    });

    // One 86 until further notice, one snoozed for three hours, the Large Paneer off (a
    // variation-level 86); all recorded as the seller's.
    const changes = [
      { targetType: "item" as const, id: ids.items[DEMO_SOLD_OUT]!, snoozedUntil: null, at: new Date(now.getTime() - 10 * 60_000) },
      { targetType: "item" as const, id: ids.items[DEMO_SNOOZED]!, snoozedUntil: new Date(now.getTime() + 3 * 60 * 60_000), at: new Date(now.getTime() - 5 * 60_000) },
      { targetType: "variation" as const, id: ids.variations[variation(0, "L")]!, snoozedUntil: null, at: new Date(now.getTime() - 15 * 60_000) },
    ];
    for (const c of changes) {
      const state = { available: false, snoozedUntil: c.snoozedUntil, availabilityUpdatedAt: c.at };
      if (c.targetType === "item") await tx.update(menuItems).set(state).where(eq(menuItems.id, c.id));
      else await tx.update(itemVariations).set(state).where(eq(itemVariations.id, c.id));
      await tx.insert(availabilityChanges).values({ ...owner, targetType: c.targetType, targetId: c.id, available: false, snoozedUntil: c.snoozedUntil, source: "seller", receivedAt: c.at, appliedAt: c.at });
    }

    // Suggestions for the demo orders' dishes (recorded by the seed before this runs).
    await autoMatch(tx, { connectionId: conn!.id, now });
    return { connectionId: conn!.id, ...ids };
  });
}
