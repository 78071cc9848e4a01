/**
 * ListCatalog → our flat CatalogItem list (one row per sellable variation, which is what an
 * order line references). `GET /v2/catalog/list?types=...&cursor=...`, 100 objects a page, no
 * `cursor` in the response on the last page; ITEM_VARIATIONs come nested in their ITEM
 * [reference §1.5; SDK ListCatalogRequest.ts].
 */
import type { Square } from "square";
import type { AdapterContext, CatalogItem } from "../types";
import { callSquare } from "./error-map";
import { fromSquareAmount } from "./money";
import { squareFor } from "./sdk";

export async function fetchSquareCatalog(ctx: AdapterContext): Promise<CatalogItem[]> {
  const { client, options } = squareFor(ctx);
  // Always name the types: omitting them lets a newer API version add object types silently
  // [SDK catalog Client.d.ts `list`]. CATEGORY only to name each item's category.
  const objects = await callSquare("ListCatalog", async () => {
    const all: Square.CatalogObject[] = [];
    // The SDK pager follows `cursor` to the end; each page is its own request with our timeout.
    for await (const object of await client.catalog.list({ types: "ITEM,CATEGORY" }, options)) all.push(object);
    return all;
  });
  return flattenCatalog(objects);
}

export function flattenCatalog(objects: Square.CatalogObject[]): CatalogItem[] {
  const categories = new Map<string, string>();
  for (const o of objects) {
    if (o.type === "CATEGORY" && o.id && !o.isDeleted && o.categoryData?.name) categories.set(o.id, o.categoryData.name);
  }
  const items: CatalogItem[] = [];
  for (const o of objects) {
    if (o.type !== "ITEM" || o.isDeleted || !o.itemData) continue;
    const name = o.itemData.name ?? o.id;
    // `categories[]` replaced the deprecated `category_id` [reference §1.5]; read both.
    const categoryId = o.itemData.categories?.[0]?.id ?? o.itemData.categoryId ?? undefined;
    const categoryName = categoryId ? categories.get(categoryId) : undefined;
    const variations = (o.itemData.variations ?? []).filter(
      (v): v is Square.CatalogObject.ItemVariation => v.type === "ITEM_VARIATION" && !v.isDeleted,
    );
    if (variations.length === 0) {
      items.push({ posItemId: o.id, name, categoryName });
      continue;
    }
    for (const v of variations) {
      const price = v.itemVariationData?.priceMoney;
      items.push({
        posItemId: o.id,
        posVariationId: v.id,
        name,
        variationName: v.itemVariationData?.name ?? undefined,
        // VARIABLE_PRICING variations have no price: priced at sale time.
        price: fromSquareAmount(price?.amount),
        currency: price?.currency,
        categoryName,
      });
    }
  }
  return items;
}
