/**
 * ListCatalog → NormalizedMenu. `GET /v2/catalog/list?types=…&cursor=…`, 100 objects a page and
 * no `cursor` on the last page; ITEM_VARIATIONs and MODIFIERs come nested in their ITEM and
 * MODIFIER_LIST [reference §1.5; SDK ListCatalogRequest.ts]. The SDK pager throws on any failed
 * page, so a menu is returned only when every page was read (a partial list must never look
 * like removed items). Money stays SDK `bigint` minor units until fromSquareAmount.
 */
import type { Square } from "square";
import { idRegistry, priceProblem, type MenuRowError } from "../menu-guard";
import type { AdapterContext, NormalizedMenu, NormalizedMenuItem, NormalizedModifierGroup } from "../types";
import { callSquare } from "./error-map";
import { fromSquareAmount } from "./money";
import { squareFor } from "./sdk";

/** Always named: omitting `types` lets a newer API version add object types silently. IMAGE only for item photo URLs. */
export const SQUARE_MENU_TYPES = "ITEM,CATEGORY,MODIFIER_LIST,IMAGE";

export async function fetchSquareMenu(ctx: AdapterContext): Promise<NormalizedMenu> {
  const { client, options } = squareFor(ctx);
  const objects = await callSquare("ListCatalog", async () => {
    const all: Square.CatalogObject[] = [];
    for await (const object of await client.catalog.list({ types: SQUARE_MENU_TYPES }, options)) all.push(object);
    return all;
  });
  return normalizeSquareCatalog(objects, { locationId: ctx.connection.externalLocationId });
}

type Options = { locationId: string | null; currency?: string };

/** Is the object sold at our location? [CatalogObjectBase present_at_all_locations / present_at / absent_at]. */
function atLocation(o: Square.CatalogObject, locationId: string | null): boolean {
  if (!locationId) return true;
  if (o.absentAtLocationIds?.includes(locationId)) return false;
  if (o.presentAtAllLocations === false) return !!o.presentAtLocationIds?.includes(locationId);
  return true;
}

const num = (v: bigint | number | null | undefined) => (v === null || v === undefined ? undefined : Number(v));

export function normalizeSquareCatalog(objects: Square.CatalogObject[], opts: Options): NormalizedMenu {
  const errors: MenuRowError[] = [];
  const live = objects.filter((o) => !o.isDeleted);
  const images = new Map<string, string>();
  for (const o of live) if (o.type === "IMAGE" && o.imageData?.url) images.set(o.id, o.imageData.url);
  let currency = opts.currency;
  const money = (m: Square.Money | undefined, id: string): number | null | "bad" => {
    const amount = fromSquareAmount(m?.amount);
    if (amount === undefined) return null;
    currency ??= m?.currency;
    if (m?.currency && m.currency !== currency) {
      errors.push({ kind: "currency_mismatch", externalId: id, message: `Price in ${m.currency}, menu is in ${currency}` });
      return "bad";
    }
    const problem = priceProblem(amount);
    if (problem) {
      errors.push({ kind: "invalid_price", externalId: id, message: problem });
      return "bad";
    }
    return amount;
  };

  const categories: NormalizedMenu["categories"] = [];
  const newCategory = idRegistry("category", errors);
  for (const o of live) {
    if (o.type !== "CATEGORY") continue;
    const name = o.categoryData?.name?.trim();
    if (!o.id || !name) {
      errors.push({ kind: "missing_name", externalId: o.id || undefined, message: "Category without an id or a name" });
      continue;
    }
    if (newCategory(o.id)) categories.push({ externalId: o.id, name, sortOrder: num(o.categoryData?.parentCategory?.ordinal) ?? 0 });
  }

  const modifierGroups = groupsOf(live, opts.locationId, errors, money);
  const groupIds = new Set(modifierGroups.map((g) => g.externalId));
  const categoryIds = new Set(categories.map((c) => c.externalId));

  const items: NormalizedMenuItem[] = [];
  const newItem = idRegistry("item", errors);
  const newVariation = idRegistry("variation", errors);
  for (const o of live) {
    if (o.type !== "ITEM" || !o.itemData) continue;
    // Archived or not sold here: not on this restaurant's menu.
    if (o.itemData.isArchived || !atLocation(o, opts.locationId)) continue;
    const name = o.itemData.name?.trim();
    if (!o.id || !name) {
      errors.push({ kind: "missing_name", externalId: o.id || undefined, message: "Item without an id or a name" });
      continue;
    }
    if (!newItem(o.id)) continue;
    const variations: NormalizedMenuItem["variations"] = [];
    for (const [i, v] of (o.itemData.variations ?? []).entries()) {
      if (v.type !== "ITEM_VARIATION" || v.isDeleted || !atLocation(v, opts.locationId)) continue;
      const data = v.itemVariationData;
      const override = opts.locationId ? data?.locationOverrides?.find((l) => l.locationId === opts.locationId) : undefined;
      // VARIABLE_PRICING: priced at sale time, no price [reference §1.5].
      const pricing = override?.pricingType ?? data?.pricingType;
      const price = pricing === "VARIABLE_PRICING" ? null : money(override?.priceMoney ?? data?.priceMoney, v.id);
      if (price === "bad" || !newVariation(v.id)) continue;
      // sold_out is read-only and per location [reference §1.6].
      variations.push({ externalId: v.id, name: data?.name?.trim() || name, price, sortOrder: data?.ordinal ?? i, available: override?.soldOut !== true });
    }
    // `categories[]` replaced the deprecated `category_id` [reference §1.5]; read both.
    const categoryId = o.itemData.categories?.[0]?.id ?? o.itemData.categoryId ?? undefined;
    if (categoryId && !categoryIds.has(categoryId)) {
      errors.push({ kind: "unknown_category", externalId: o.id, message: `Item refers to unknown category ${categoryId}` });
    }
    const modifierGroupExternalIds: string[] = [];
    for (const info of o.itemData.modifierListInfo ?? []) {
      if (info.enabled === false) continue;
      if (!groupIds.has(info.modifierListId)) {
        errors.push({ kind: "unknown_modifier_group", externalId: o.id, message: `Item refers to unknown modifier list ${info.modifierListId}` });
        continue;
      }
      if (!modifierGroupExternalIds.includes(info.modifierListId)) modifierGroupExternalIds.push(info.modifierListId);
    }
    const imageId = o.itemData.imageIds?.[0];
    items.push({
      externalId: o.id,
      categoryExternalId: categoryId && categoryIds.has(categoryId) ? categoryId : undefined,
      name,
      description: o.itemData.description?.trim() || undefined,
      // One variation: its price is the item's; several: priced by the variation chosen.
      price: variations.length === 1 ? variations[0]!.price : null,
      imageUrl: imageId ? images.get(imageId) : undefined,
      // Square orders items within a category (`categories[].ordinal`), not globally. Never the list
      // position: one removed item would shift, and rewrite, every item after it.
      sortOrder: num(o.itemData.categories?.[0]?.ordinal) ?? 0,
      available: variations.length === 0 || variations.some((v) => v.available),
      variations,
      modifierGroupExternalIds,
    });
  }
  return { currency: currency ?? "USD", categories, items, modifierGroups, errors };
}

function groupsOf(
  live: Square.CatalogObject[],
  locationId: string | null,
  errors: MenuRowError[],
  money: (m: Square.Money | undefined, id: string) => number | null | "bad",
): NormalizedModifierGroup[] {
  const groups: NormalizedModifierGroup[] = [];
  const newGroup = idRegistry("modifier list", errors);
  const newModifier = idRegistry("modifier", errors);
  for (const o of live) {
    if (o.type !== "MODIFIER_LIST" || !o.modifierListData) continue;
    const data = o.modifierListData;
    if (!data.name?.trim()) {
      errors.push({ kind: "missing_name", externalId: o.id, message: "Modifier list without a name" });
      continue;
    }
    if (!newGroup(o.id)) continue;
    const modifiers: NormalizedModifierGroup["modifiers"] = [];
    for (const [i, m] of (data.modifiers ?? []).entries()) {
      if (m.type !== "MODIFIER" || m.isDeleted || !m.modifierData) continue;
      const name = m.modifierData.name?.trim();
      if (!name) {
        errors.push({ kind: "missing_name", externalId: m.id, message: "Modifier without a name" });
        continue;
      }
      const override = locationId ? m.modifierData.locationOverrides?.find((l) => l.locationId === locationId) : undefined;
      const price = money(override?.priceMoney ?? m.modifierData.priceMoney, m.id);
      if (price === "bad" || !newModifier(m.id)) continue;
      modifiers.push({ externalId: m.id, name, price: price ?? 0, sortOrder: m.modifierData.ordinal ?? i, available: override?.soldOut !== true });
    }
    // min/max_selected_modifiers (API ≥ 2025-05-21) replace selection_type; -1 means "not set".
    const min = num(data.minSelectedModifiers);
    const max = num(data.maxSelectedModifiers);
    groups.push({
      externalId: o.id,
      name: data.name.trim(),
      minSelect: min !== undefined && min > 0 ? min : 0,
      maxSelect: max !== undefined && max >= 0 ? max : data.selectionType === "SINGLE" ? 1 : null,
      sortOrder: data.ordinal ?? 0,
      modifiers,
    });
  }
  return groups;
}
