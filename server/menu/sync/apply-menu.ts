/**
 * Writes a complete NormalizedMenu for one connection, in one transaction, parents first:
 * categories → modifier groups → modifiers → items → variations → item↔group links. Only the
 * difference is written (table-sync.ts); availability changes the POS made are recorded in
 * availability_changes (source "menu_sync"). Must only be called with a menu fetched in full:
 * rows it does not contain are soft-removed.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import {
  availabilityChanges,
  itemVariations,
  menuCategories,
  menuItemModifierGroups,
  menuItems,
  modifierGroups,
  modifiers,
  type MenuSyncError,
} from "~/db/schema";
import type { NormalizedMenu } from "~/server/integrations/types";
import { digest, withAvailability } from "./hash";
import { chunks, syncTable, type Desired, type TableResult, type Tenancy } from "./table-sync";

export type ApplyCounts = { fetched: number; created: number; updated: number; removed: number; unchanged: number; categories: number; items: number };
export type ApplyResult = ApplyCounts & { errors: MenuSyncError[] };

const stored = {
  id: true,
  externalId: true,
  contentHash: true,
  removedAt: true,
} as const;
const withAvail = { ...stored, available: true, snoozedUntil: true, availabilityUpdatedAt: true } as const;

/** Drop repeated external ids the adapter let through (an upsert cannot touch a row twice). */
function unique<T extends { externalId: string }>(rows: T[], kind: string, errors: MenuSyncError[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (!r.externalId) return false;
    if (!seen.has(r.externalId)) return seen.add(r.externalId);
    errors.push({ kind: "duplicate_id", externalId: r.externalId, message: `Duplicate ${kind} id ${r.externalId}: the first one was kept` });
    return false;
  });
}

export async function applyMenu(db: Db, tenancy: Tenancy, menu: NormalizedMenu, now = new Date()): Promise<ApplyResult> {
  const errors: MenuSyncError[] = [...menu.errors];
  const categories = unique(menu.categories, "category", errors);
  const groups = unique(menu.modifierGroups, "modifier group", errors);
  const mods = unique(groups.flatMap((g) => g.modifiers.map((m) => ({ ...m, groupExternalId: g.externalId }))), "modifier", errors);
  const items = unique(menu.items, "item", errors);
  const variations = unique(items.flatMap((i) => i.variations.map((v) => ({ ...v, itemExternalId: i.externalId }))), "variation", errors);
  const conn = tenancy.connectionId;

  return db.transaction(async (tx) => {
    const results: TableResult[] = [];
    const run = async (r: Promise<TableResult>) => {
      const res = await r;
      results.push(res);
      return res;
    };

    const cats = await run(
      syncTable(tx, menuCategories, {
        tenancy,
        now,
        hasAvailability: false,
        stored: await tx.query.menuCategories.findMany({ columns: stored, where: eq(menuCategories.connectionId, conn) }),
        desired: categories.map((c) => ({ externalId: c.externalId, contentHash: digest([c.name, c.sortOrder]), values: { name: c.name, sortOrder: c.sortOrder } })),
      }),
    );

    const grps = await run(
      syncTable(tx, modifierGroups, {
        tenancy,
        now,
        hasAvailability: false,
        stored: await tx.query.modifierGroups.findMany({ columns: stored, where: eq(modifierGroups.connectionId, conn) }),
        desired: groups.map((g) => ({
          externalId: g.externalId,
          contentHash: digest([g.name, g.minSelect, g.maxSelect, g.sortOrder]),
          values: { name: g.name, minSelect: g.minSelect, maxSelect: g.maxSelect, sortOrder: g.sortOrder },
        })),
      }),
    );

    const modResult = await run(
      syncTable(tx, modifiers, {
        tenancy,
        now,
        hasAvailability: true,
        stored: await tx.query.modifiers.findMany({ columns: withAvail, where: eq(modifiers.connectionId, conn) }),
        desired: mods.map((m): Desired => ({
          externalId: m.externalId,
          contentHash: withAvailability(digest([m.groupExternalId, m.name, m.price, m.sortOrder]), m.available),
          values: { groupId: grps.ids.get(m.groupExternalId), name: m.name, priceAmount: m.price, sortOrder: m.sortOrder },
          available: m.available,
        })),
      }),
    );

    const itemResult = await run(
      syncTable(tx, menuItems, {
        tenancy,
        now,
        hasAvailability: true,
        stored: await tx.query.menuItems.findMany({ columns: withAvail, where: eq(menuItems.connectionId, conn) }),
        desired: items.map((i): Desired => {
          const categoryId = i.categoryExternalId ? (cats.ids.get(i.categoryExternalId) ?? null) : null;
          const values = { categoryId, name: i.name, description: i.description ?? null, priceAmount: i.price, currency: menu.currency, imageUrl: i.imageUrl ?? null, sortOrder: i.sortOrder };
          const content = digest([i.categoryExternalId ?? null, i.name, values.description, i.price, menu.currency, values.imageUrl, i.sortOrder, i.modifierGroupExternalIds]);
          return { externalId: i.externalId, contentHash: withAvailability(content, i.available), values, available: i.available };
        }),
      }),
    );

    const varResult = await run(
      syncTable(tx, itemVariations, {
        tenancy,
        now,
        hasAvailability: true,
        stored: await tx.query.itemVariations.findMany({ columns: withAvail, where: eq(itemVariations.connectionId, conn) }),
        desired: variations.map((v): Desired => ({
          externalId: v.externalId,
          contentHash: withAvailability(digest([v.itemExternalId, v.name, v.price, v.sortOrder, v.posRef ?? null]), v.available),
          values: { itemId: itemResult.ids.get(v.itemExternalId), posRef: v.posRef ?? null, name: v.name, priceAmount: v.price, sortOrder: v.sortOrder },
          available: v.available,
        })),
      }),
    );

    await relink(tx, items, itemResult, grps);
    await recordAvailability(tx, tenancy, now, [
      ["item", itemResult],
      ["variation", varResult],
      ["modifier", modResult],
    ]);

    const sum = (k: "created" | "updated" | "removed" | "unchanged") => results.reduce((n, r) => n + r[k], 0);
    return {
      fetched: categories.length + groups.length + mods.length + items.length + variations.length,
      created: sum("created"),
      updated: sum("updated"),
      removed: sum("removed"),
      unchanged: sum("unchanged"),
      categories: categories.length,
      items: items.length,
      errors,
    };
  });
}

/** Item ↔ modifier group links of items whose content changed (the group list is part of it). */
async function relink(tx: Tx, items: NormalizedMenu["items"], itemResult: TableResult, grps: TableResult) {
  if (!itemResult.contentChanged.size) return;
  // New items have no links yet: only changed or restored ones need their old links cleared.
  const changed = [...itemResult.contentChanged].filter((id) => !itemResult.inserted.has(id));
  for (const batch of chunks(changed)) await tx.delete(menuItemModifierGroups).where(inArray(menuItemModifierGroups.itemId, batch));
  const links: (typeof menuItemModifierGroups.$inferInsert)[] = [];
  for (const i of items) {
    const itemId = itemResult.ids.get(i.externalId);
    if (!itemId || !itemResult.contentChanged.has(itemId)) continue;
    i.modifierGroupExternalIds.forEach((g, sortOrder) => {
      const groupId = grps.ids.get(g);
      if (groupId) links.push({ itemId, groupId, sortOrder });
    });
  }
  for (const batch of chunks(links)) await tx.insert(menuItemModifierGroups).values(batch).onConflictDoNothing();
}

async function recordAvailability(tx: Tx, tenancy: Tenancy, now: Date, changes: ["item" | "variation" | "modifier", TableResult][]) {
  const rows = changes.flatMap(([targetType, r]) =>
    r.availabilityChanged.map((c) => ({ ...tenancy, targetType, targetId: c.id, available: c.available, source: "menu_sync" as const, receivedAt: now, appliedAt: now })),
  );
  for (const batch of chunks(rows)) await tx.insert(availabilityChanges).values(batch);
}

