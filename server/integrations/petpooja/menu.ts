/**
 * `mapped_restaurant_menus` [ref §2.3] → NormalizedMenu. Ids and prices are strings, flags
 * "0"/"1". The menu comes in one response, so it is complete or the call throws.
 * - An item with variations is ordered by the variation's `id` (+ `variationid`) [ref §2.3
 *   "Order→menu mapping"]: that `id` is the variation's external id. `variationid` names a
 *   variation TYPE ("Half") shared across items, so it cannot be the key.
 * - `active:"0"` categories/items are off the menu; an add-on has
 *   no stock flag, so its `active` is its availability (the on/off callback toggles it).
 * - `in_stock` [U]: values other than "0" are read as in stock (the demo menus use "2").
 * - Selection limits live on each item's add-on reference [ref §2.3 `addon[]`]; a group takes
 *   those of the first item that offers it.
 */
import { idRegistry, priceProblem, type MenuRowError } from "../menu-guard";
import type { NormalizedMenu, NormalizedMenuItem, NormalizedModifierGroup } from "../types";
import { fromRupees, PETPOOJA_CURRENCY } from "./money";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const arr = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec).filter((x): x is Rec => !!x) : []);

/** [ref §2.3, U] One integrator reads `data.items` instead of top-level `items`: accept both. */
export function menuRoot(json: Rec): Rec {
  return Array.isArray(json.items) ? json : (rec(json.data) ?? json);
}
const str = (v: unknown): string | undefined => {
  const s = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : undefined;
  return s ? s : undefined;
};
const active = (v: unknown) => v === undefined || v === "1" || v === 1 || v === true;
const rank = (v: unknown, fallback: number) => {
  const n = Number(str(v));
  return Number.isInteger(n) ? n : fallback;
};
const count = (v: unknown): number | undefined => {
  const n = Number(str(v));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

export function normalizePetpoojaMenu(json: Rec): NormalizedMenu {
  const root = menuRoot(json);
  const errors: MenuRowError[] = [];
  const price = (raw: unknown, id: string): number | null | "bad" => {
    if (raw === undefined || raw === null || raw === "") return null;
    const minor = fromRupees(raw);
    const problem = minor === undefined ? `price ${JSON.stringify(raw)} is not a number` : priceProblem(minor);
    if (problem) {
      errors.push({ kind: "invalid_price", externalId: id, message: problem });
      return "bad";
    }
    return minor!;
  };

  const categories: NormalizedMenu["categories"] = [];
  const newCategory = idRegistry("category", errors);
  for (const [i, c] of arr(root.categories).entries()) {
    const id = str(c.categoryid);
    const name = str(c.categoryname);
    if (!id || !name) {
      errors.push({ kind: "missing_name", externalId: id, message: "Category without an id or a name" });
      continue;
    }
    if (active(c.active) && newCategory(id)) categories.push({ externalId: id, name, sortOrder: rank(c.categoryrank, i) });
  }

  const groups = new Map<string, NormalizedModifierGroup>();
  const newGroup = idRegistry("add-on group", errors);
  const newModifier = idRegistry("add-on", errors);
  for (const [i, g] of arr(root.addongroups).entries()) {
    const id = str(g.addongroupid);
    const name = str(g.addongroup_name);
    if (!id || !name) {
      errors.push({ kind: "missing_name", externalId: id, message: "Add-on group without an id or a name" });
      continue;
    }
    if (!active(g.active) || !newGroup(id)) continue;
    const modifiers: NormalizedModifierGroup["modifiers"] = [];
    for (const [j, a] of arr(g.addongroupitems).entries()) {
      const aid = str(a.addonitemid);
      const aname = str(a.addonitem_name);
      if (!aid || !aname) {
        errors.push({ kind: "missing_name", externalId: aid, message: "Add-on without an id or a name" });
        continue;
      }
      const p = price(a.addonitem_price, aid);
      if (p === "bad" || !newModifier(aid)) continue;
      modifiers.push({ externalId: aid, name: aname, price: p ?? 0, sortOrder: rank(a.addonitem_rank, j), available: active(a.active) });
    }
    groups.set(id, { externalId: id, name, minSelect: 0, maxSelect: null, sortOrder: rank(g.addongroup_rank, i), modifiers });
  }

  const categoryIds = new Set(categories.map((c) => c.externalId));
  const limitsSet = new Set<string>();
  const items: NormalizedMenuItem[] = [];
  const newItem = idRegistry("item", errors);
  const newVariation = idRegistry("variation", errors);
  for (const [i, it] of arr(root.items).entries()) {
    const id = str(it.itemid);
    const name = str(it.itemname);
    if (!id || !name) {
      errors.push({ kind: "missing_name", externalId: id, message: "Item without an id or a name" });
      continue;
    }
    if (!active(it.active) || !newItem(id)) continue;
    const variations: NormalizedMenuItem["variations"] = [];
    const addonRefs = arr(it.addon);
    for (const [j, v] of arr(it.variation).entries()) {
      const vid = str(v.id);
      if (!vid) {
        errors.push({ kind: "missing_id", externalId: id, message: "Variation without an id" });
        continue;
      }
      if (!active(v.active)) continue;
      const p = price(v.price, vid);
      if (p === "bad" || !newVariation(vid)) continue;
      const variationTypeId = str(v.variationid);
      variations.push({ externalId: vid, ...(variationTypeId ? { posRef: variationTypeId } : {}), name: str(v.name) ?? name, price: p, sortOrder: rank(v.variationrank, j), available: true });
      addonRefs.push(...arr(v.addon));
    }
    const hasVariations = variations.length > 0;
    const itemPrice = hasVariations ? null : price(it.price, id);
    if (itemPrice === "bad") continue;
    const modifierGroupExternalIds: string[] = [];
    for (const ref of addonRefs) {
      const gid = str(ref.addon_group_id);
      const group = gid ? groups.get(gid) : undefined;
      if (!gid || !group) {
        errors.push({ kind: "unknown_modifier_group", externalId: id, message: `Item refers to unknown add-on group ${gid ?? "(none)"}` });
        continue;
      }
      if (modifierGroupExternalIds.includes(gid)) continue;
      modifierGroupExternalIds.push(gid);
      if (!limitsSet.has(gid)) {
        limitsSet.add(gid);
        group.minSelect = count(ref.addon_item_selection_min) ?? 0;
        group.maxSelect = count(ref.addon_item_selection_max) ?? null;
      }
    }
    const categoryId = str(it.item_categoryid);
    if (categoryId && !categoryIds.has(categoryId)) {
      errors.push({ kind: "unknown_category", externalId: id, message: `Item refers to unknown or inactive category ${categoryId}` });
    }
    items.push({
      externalId: id,
      categoryExternalId: categoryId && categoryIds.has(categoryId) ? categoryId : undefined,
      name,
      description: str(it.itemdescription),
      price: itemPrice,
      imageUrl: str(it.item_image_url),
      sortOrder: rank(it.itemrank, i),
      available: str(it.in_stock) !== "0",
      variations,
      modifierGroupExternalIds,
    });
  }
  return { currency: PETPOOJA_CURRENCY, categories, items, modifierGroups: [...groups.values()], errors };
}
