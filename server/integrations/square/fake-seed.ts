/**
 * The fake merchant's data: two locations and a catalog big enough (~150 items) that ListCatalog
 * needs a second page, so cursor handling is exercised. Deterministic ids so tests and the
 * sandbox UI can refer to them.
 */
import type { WireCatalogObject, WireLocation } from "./fake-types";

export const FAKE_SQUARE_MERCHANT_ID = "MLFAKEMERCHANT01";
export const FAKE_SQUARE_LOCATION_IDS = ["LFAKEMAINST0001", "LFAKEHARBOR0002"] as const;
export const FAKE_SQUARE_MODIFIER_LIST_ID = "FAKEMODLIST0001";
export const FAKE_SQUARE_MODIFIER_IDS = ["FAKEMOD0001", "FAKEMOD0002", "FAKEMOD0003"] as const;

export const fakeItemId = (i: number) => `FAKEITEM${String(i).padStart(4, "0")}`;
/** Every item has a "Regular" variation; every fifth also a "Large" one. */
export const fakeVariationId = (i: number, size: "R" | "L" = "R") => `FAKEVAR${String(i).padStart(4, "0")}${size}`;

const STYLES = ["Classic", "Spicy", "Smoky", "Garden", "Royal", "Street", "Crispy", "Golden", "Rustic", "Zesty"];
const DISHES = ["Burger", "Pizza", "Tacos", "Ramen", "Curry", "Salad", "Wrap", "Noodles", "Paneer Tikka", "Biryani", "Falafel", "Sushi Roll", "Pasta", "Dumplings", "Shawarma"];
const CATEGORIES = ["Mains", "Sides", "Bowls", "Street Food", "Specials", "Vegetarian"];

export function seedLocations(merchantId: string, currency: string): WireLocation[] {
  const base = { merchant_id: merchantId, status: "ACTIVE" as const, currency, country: "US", capabilities: ["CREDIT_CARD_PROCESSING"] };
  return [
    { ...base, id: FAKE_SQUARE_LOCATION_IDS[0], name: "Main Street Kitchen", business_name: "Fake Bistro", timezone: "America/New_York" },
    { ...base, id: FAKE_SQUARE_LOCATION_IDS[1], name: "Harbor Pop-up", business_name: "Fake Bistro", timezone: "America/New_York" },
  ];
}

export function seedCatalog(currency: string, itemCount = 150): WireCatalogObject[] {
  const at = "2024-01-01T00:00:00.000Z";
  const common = { version: 1, updated_at: at, is_deleted: false, present_at_all_locations: true };
  const categories: WireCatalogObject[] = CATEGORIES.map((name, i) => ({
    ...common,
    type: "CATEGORY",
    id: `FAKECAT${String(i).padStart(4, "0")}`,
    category_data: { name },
  }));
  const modifierList: WireCatalogObject = {
    ...common,
    type: "MODIFIER_LIST",
    id: FAKE_SQUARE_MODIFIER_LIST_ID,
    modifier_list_data: {
      name: "Extras",
      selection_type: "MULTIPLE",
      modifiers: [
        ["Extra cheese", 150],
        ["No onions", 0],
        ["Extra spicy", 50],
      ].map(([name, amount], i) => ({
        ...common,
        type: "MODIFIER" as const,
        id: FAKE_SQUARE_MODIFIER_IDS[i] ?? `FAKEMOD${i}`,
        modifier_data: { name: String(name), price_money: { amount: Number(amount), currency }, modifier_list_id: FAKE_SQUARE_MODIFIER_LIST_ID, ordinal: i + 1 },
      })),
    },
  };
  const items: WireCatalogObject[] = [];
  for (let i = 0; i < itemCount; i++) {
    const name = `${STYLES[i % STYLES.length]} ${DISHES[Math.floor(i / STYLES.length) % DISHES.length]}${i >= STYLES.length * DISHES.length ? ` ${i}` : ""}`;
    const price = 500 + ((i * 137) % 1500) - (((i * 137) % 1500) % 25);
    const variation = (size: "R" | "L", label: string, amount: number, ordinal: number): WireCatalogObject => ({
      ...common,
      type: "ITEM_VARIATION",
      id: fakeVariationId(i, size),
      item_variation_data: { item_id: fakeItemId(i), name: label, ordinal, pricing_type: "FIXED_PRICING", price_money: { amount, currency }, sellable: true, stockable: true },
    });
    const variations = [variation("R", "Regular", price, 1)];
    if (i % 5 === 0) variations.push(variation("L", "Large", price + 300, 2));
    items.push({
      ...common,
      type: "ITEM",
      id: fakeItemId(i),
      item_data: {
        name,
        description: `${name}, made to order.`,
        categories: [{ id: categories[i % categories.length]?.id }],
        variations,
        ...(i < 10 ? { modifier_list_info: [{ modifier_list_id: FAKE_SQUARE_MODIFIER_LIST_ID, enabled: true }] } : {}),
        product_type: "FOOD_AND_BEV",
      },
    });
  }
  return [...categories, modifierList, ...items];
}

/** Variations and modifiers by id, for pricing order lines. */
export function catalogIndex(catalog: WireCatalogObject[]): Map<string, WireCatalogObject & { parentName?: string }> {
  const index = new Map<string, WireCatalogObject & { parentName?: string }>();
  for (const o of catalog) {
    if (o.is_deleted) continue;
    for (const v of o.item_data?.variations ?? []) if (!v.is_deleted) index.set(v.id, { ...v, parentName: o.item_data?.name });
    for (const m of o.modifier_list_data?.modifiers ?? []) if (!m.is_deleted) index.set(m.id, m);
  }
  return index;
}
