import { describe, expect, it } from "vitest";
import { nameSimilarity, normalizeName, splitVariation } from "./normalize";
import { posLineRef } from "./resolve-order-lines";

describe("normalizeName", () => {
  it.each([
    ["  Crème   Brûlée!! ", "creme brulee"],
    ["Mac & Cheese", "mac and cheese"],
    ["Chef's  Special", "chefs special"],
    ["PANEER-TIKKA", "paneer tikka"],
    ["Jalapeño Poppers (6)", "jalapeno poppers 6"],
    ["Pad Thai.", "pad thai"],
    ["", ""],
    ["!!!", ""],
  ])("%j → %j", (raw, expected) => expect(normalizeName(raw)).toBe(expected));
});

describe("splitVariation", () => {
  it("reads 'Item (Variation)' and 'Item - Variation'", () => {
    expect(splitVariation("Garlic Bread (6 Pieces)")).toEqual({ item: "garlic bread", variation: "6 pieces" });
    expect(splitVariation("Garlic Bread - 6 Pieces")).toEqual({ item: "garlic bread", variation: "6 pieces" });
    expect(splitVariation("Latte – Large")).toEqual({ item: "latte", variation: "large" });
  });
  it("leaves plain names and in-word hyphens alone", () => {
    expect(splitVariation("Paneer Tikka")).toBeNull();
    expect(splitVariation("Half-Baked Cookie")).toBeNull();
    expect(splitVariation("(Large)")).toBeNull();
  });
});

describe("nameSimilarity", () => {
  it("is 1 for names equal after normalization, high for a typo, low for another dish", () => {
    expect(nameSimilarity("Crème Brûlée", "creme brulee")).toBe(1);
    expect(nameSimilarity("Paneer Tikka", "Paneer Tika")).toBeGreaterThanOrEqual(0.75);
    expect(nameSimilarity("Paneer Tikka", "Chicken Wings")).toBeLessThan(0.5);
    expect(nameSimilarity("", "x")).toBe(0);
  });
});

describe("posLineRef", () => {
  it("Square: item id + variation id", () => {
    expect(posLineRef("square", { externalId: "ITEM" }, { externalId: "VAR" })).toEqual({ posItemId: "ITEM", posVariationId: "VAR" });
    expect(posLineRef("square", { externalId: "ITEM" }, null)).toEqual({ posItemId: "ITEM" });
  });
  it("PetPooja: a variation is ordered by its own id plus its type's variationid (pos_ref)", () => {
    expect(posLineRef("petpooja", { externalId: "10002" }, { externalId: "20001" })).toEqual({ posItemId: "20001" });
    expect(posLineRef("petpooja", { externalId: "10002" }, { externalId: "20001", posRef: "30001" })).toEqual({ posItemId: "20001", posVariationId: "30001" });
    expect(posLineRef("petpooja", { externalId: "10001" }, null)).toEqual({ posItemId: "10001" });
  });
});
