import { describe, expect, it } from "vitest";
import { BAD_CATALOG, GOOD_CATALOG, LOCATION } from "./fixtures/catalog";
import { normalizeSquareCatalog } from "./menu";

describe("Square catalog → NormalizedMenu", () => {
  it("normalizes items, variations, modifier lists, images and this location's sold-out and prices", () => {
    const menu = normalizeSquareCatalog(GOOD_CATALOG, { locationId: LOCATION });
    expect(menu.currency).toBe("USD");
    expect(menu.errors).toEqual([]);
    expect(menu.categories).toEqual([{ externalId: "CAT1", name: "Mains", sortOrder: 0 }]);
    // Not at this location, archived and deleted items are not on the menu.
    expect(menu.items.map((i) => i.externalId)).toEqual(["ITEM1", "ITEM2", "ITEM3"]);
    expect(menu.items[0]).toMatchObject({
      name: "Burger", description: "Beef", price: 1200, imageUrl: "https://images.example/burger.jpg", categoryExternalId: "CAT1", sortOrder: 2, available: true, modifierGroupExternalIds: ["ML1"],
    });
    expect(menu.items[1]).toMatchObject({
      price: null,
      available: true,
      variations: [
        { externalId: "VAR2S", price: 900, available: true },
        { externalId: "VAR2L", price: 1500, available: false },
      ],
    });
    // VARIABLE_PRICING: no price; its only variation sold out here → the item is sold out.
    expect(menu.items[2]).toMatchObject({ price: null, available: false, variations: [{ externalId: "VAR3", name: "Market fish", price: null }] });
    expect(menu.modifierGroups).toEqual([
      {
        externalId: "ML1", name: "Sauces", minSelect: 0, maxSelect: 1, sortOrder: 0,
        modifiers: [
          { externalId: "MOD1", name: "Ketchup", price: 0, sortOrder: 1, available: true },
          { externalId: "MOD2", name: "Truffle mayo", price: 150, sortOrder: 2, available: false },
        ],
      },
    ]);
  });

  it("without a location every item is on the menu", () => {
    expect(normalizeSquareCatalog(GOOD_CATALOG, { locationId: null }).items.map((i) => i.externalId)).toContain("ITEM4");
  });

  it("reports and skips bad rows", () => {
    const menu = normalizeSquareCatalog(BAD_CATALOG, { locationId: LOCATION });
    expect(menu.items.map((i) => i.externalId)).toEqual(["B2", "B3", "B4", "B5", "B6"]);
    expect(menu.items.find((i) => i.externalId === "B2")?.variations).toEqual([]);
    expect(menu.items.find((i) => i.externalId === "B3")?.variations.map((v) => v.externalId)).toEqual(["BV3OK"]);
    expect(menu.items.find((i) => i.externalId === "B4")).toMatchObject({ name: "Ghost list", modifierGroupExternalIds: [] });
    expect(menu.items.find((i) => i.externalId === "B5")?.categoryExternalId).toBeUndefined();
    expect(menu.errors.map((e) => [e.kind, e.externalId])).toEqual([
      ["missing_name", "CATX"],
      ["missing_name", "B1"],
      ["invalid_price", "BV2"],
      ["invalid_price", "BV3"],
      ["unknown_modifier_group", "B4"],
      ["duplicate_id", "B4"],
      ["unknown_category", "B5"],
      ["currency_mismatch", "BV6"],
    ]);
  });
});
