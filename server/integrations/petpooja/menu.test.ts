import { describe, expect, it } from "vitest";
import { BAD_ROWS_MENU, DEMO_MENU } from "./fixtures/menu";
import { normalizePetpoojaMenu } from "./menu";

describe("PetPooja menu → NormalizedMenu", () => {
  it("normalizes the demo menu: paise, variations by their `id`, add-on groups, inactive items left out", () => {
    const menu = normalizePetpoojaMenu(DEMO_MENU);
    expect(menu.currency).toBe("INR");
    expect(menu.errors).toEqual([]);
    expect(menu.categories.map((c) => [c.externalId, c.name])).toEqual([
      ["501", "Mains"],
      ["502", "Breads"],
    ]);
    expect(menu.items.map((i) => i.externalId)).toEqual(["10001", "10002"]);
    expect(menu.items[0]).toMatchObject({ name: "Paneer Butter Masala", price: 29000, categoryExternalId: "501", available: true, modifierGroupExternalIds: ["40001"], variations: [] });
    expect(menu.items[1]).toMatchObject({ price: null, variations: [{ externalId: "20001", posRef: "30001", name: "3 Pieces", price: 14000 }, { externalId: "20002", posRef: "30002", name: "6 Pieces", price: 25000 }] });
    expect(menu.modifierGroups).toEqual([
      { externalId: "40001", name: "Add Beverage", minSelect: 0, maxSelect: 1, sortOrder: 1, modifiers: [{ externalId: "50001", name: "Mojito", price: 6000, sortOrder: 1, available: true }] },
    ]);
  });

  it("reports and skips bad rows without failing the menu", () => {
    const menu = normalizePetpoojaMenu(BAD_ROWS_MENU);
    expect(menu.items.map((i) => i.externalId)).toEqual(["1", "4", "5", "6"]);
    expect(menu.items.find((i) => i.externalId === "1")).toMatchObject({ name: "Dal Makhani", price: 18050, modifierGroupExternalIds: ["40001"] });
    expect(menu.items.find((i) => i.externalId === "4")?.modifierGroupExternalIds).toEqual([]);
    expect(menu.items.find((i) => i.externalId === "5")).toMatchObject({ available: false, categoryExternalId: undefined });
    expect(menu.items.find((i) => i.externalId === "6")?.variations.map((v) => v.externalId)).toEqual(["7001"]);
    expect(menu.modifierGroups[0]?.modifiers.map((m) => [m.externalId, m.available])).toEqual([
      ["50001", true],
      ["50003", false],
    ]);
    expect(menu.modifierGroups[0]).toMatchObject({ minSelect: 0, maxSelect: 2 });
    expect(menu.errors.map((e) => [e.kind, e.externalId])).toEqual([
      ["missing_name", undefined],
      ["invalid_price", "50002"],
      ["missing_name", "2"],
      ["invalid_price", "3"],
      ["duplicate_id", "1"],
      ["unknown_modifier_group", "4"],
      ["unknown_category", "5"],
      ["invalid_price", "7002"],
    ]);
  });
});
