/**
 * `mapped_restaurant_menus` [ref §2.3] → our flat CatalogItem list, one row per orderable thing.
 * Ids and prices are strings, booleans "0"/"1". An item WITH variations is ordered by the
 * variation's `id` plus its `variationid` [ref §2.3 "Order→menu mapping"], so for those rows
 * posItemId = variation `id` and posVariationId = `variationid`: exactly what the mapper sends
 * as `OrderItem.id` / `variation_id`. Items without variations: posItemId = `itemid`.
 */
import type { CatalogItem } from "../types";
import { fromRupees, PETPOOJA_CURRENCY } from "./money";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const arr = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec).filter((x): x is Rec => !!x) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
/** "1"/1/true are active; an absent flag counts as active. */
const active = (v: unknown) => v === undefined || v === "1" || v === 1 || v === true;

/** [ref §2.3, U] One integrator reads `data.items` instead of top-level `items`: accept both. */
export function menuRoot(json: Rec): Rec {
  return Array.isArray(json.items) ? json : (rec(json.data) ?? json);
}

export function flattenMenu(json: Rec): CatalogItem[] {
  const root = menuRoot(json);
  const categories = new Map<string, string>();
  for (const c of arr(root.categories)) {
    const id = str(c.categoryid);
    const name = str(c.categoryname);
    if (id && name) categories.set(id, name);
  }
  const out: CatalogItem[] = [];
  for (const item of arr(root.items)) {
    const itemId = str(item.itemid);
    if (!itemId || !active(item.active)) continue;
    const name = str(item.itemname) ?? itemId;
    const categoryName = categories.get(str(item.item_categoryid) ?? "");
    const variations = arr(item.variation).filter((v) => active(v.active));
    if (variations.length === 0) {
      out.push({ posItemId: itemId, name, price: fromRupees(item.price), currency: PETPOOJA_CURRENCY, categoryName });
      continue;
    }
    for (const v of variations) {
      const id = str(v.id);
      if (!id) continue;
      out.push({
        posItemId: id,
        posVariationId: str(v.variationid),
        name,
        variationName: str(v.name),
        price: fromRupees(v.price),
        currency: PETPOOJA_CURRENCY,
        categoryName,
      });
    }
  }
  return out;
}
