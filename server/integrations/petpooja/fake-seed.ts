/**
 * The fake's demo restaurant and menu, in the `mapped_restaurant_menus` shape [ref §2.3]: ids and
 * prices are strings, flags "0"/"1". Ids are made up (no real restaurant data in fixtures).
 */
export const FAKE_PETPOOJA_REST_ID = "fakerest01";
export const FAKE_PETPOOJA_APP = { app_key: "fake-app-key-switchboard", app_secret: "fake-app-secret-switchboard", access_token: "fake-access-token-switchboard" } as const;

/** Orderable ids of the demo menu, as an order line carries them (variation `id` + `variationid`). */
export const FAKE_PETPOOJA_ITEMS = {
  paneer: { posItemId: "10001" },
  garlicBread3: { posItemId: "20001", posVariationId: "30001" },
  garlicBread6: { posItemId: "20002", posVariationId: "30002" },
} as const;
export const FAKE_PETPOOJA_ADDON = { id: "50001", group_id: 40001, group_name: "Add Beverage", name: "Mojito" } as const;

export function seedMenu(restID: string): Record<string, unknown> {
  return {
    success: "1",
    message: "Menu items are successfully listed.",
    serverdatetime: "2026-01-01 10:00:00",
    db_version: "1.0",
    application_version: "4.0",
    http_code: 200,
    restaurants: [
      {
        restaurantid: "9001",
        active: "1",
        details: { menusharingcode: restID, currency_html: "₹", restaurantname: "Fake Dhaba", address: "1 MG Road, Bengaluru", contact: "9800000000", sc_applicable_on: "H,P,D" },
      },
    ],
    ordertypes: [
      { ordertypeid: 1, ordertype: "Delivery" },
      { ordertypeid: 2, ordertype: "PickUp" },
      { ordertypeid: 3, ordertype: "DineIn" },
    ],
    categories: [
      { categoryid: "501", active: "1", categoryrank: "1", parent_category_id: "0", categoryname: "Mains", categorytimings: "", category_image_url: "" },
      { categoryid: "502", active: "1", categoryrank: "2", parent_category_id: "0", categoryname: "Breads", categorytimings: "", category_image_url: "" },
    ],
    parentcategories: [],
    items: [
      {
        itemid: "10001", itemallowvariation: "0", itemrank: "1", item_categoryid: "501", item_ordertype: "1,2,3", item_tags: [], item_packingcharges: "",
        itemallowaddon: "1", itemaddonbasedon: "0", in_stock: "2", variation_groupname: "", variation: [],
        addon: [{ addon_group_id: "40001", addon_item_selection_min: "0", addon_item_selection_max: "1" }],
        itemname: "Paneer Butter Masala", item_attributeid: "1", itemdescription: "", price: "290.00", active: "1", item_image_url: "", item_tax: "11213,20375",
      },
      {
        itemid: "10002", itemallowvariation: "1", itemrank: "2", item_categoryid: "502", item_ordertype: "1,2,3", item_tags: [], item_packingcharges: "",
        itemallowaddon: "0", itemaddonbasedon: "0", in_stock: "2", variation_groupname: "Size",
        variation: [
          { id: "20001", variationid: "30001", name: "3 Pieces", groupname: "Size", price: "140.00", active: "1", item_packingcharges: "", variationrank: "1", addon: [], variationallowaddon: 0 },
          { id: "20002", variationid: "30002", name: "6 Pieces", groupname: "Size", price: "250.00", active: "1", item_packingcharges: "", variationrank: "2", addon: [], variationallowaddon: 0 },
        ],
        addon: [], itemname: "Garlic Bread", item_attributeid: "1", itemdescription: "", price: "0", active: "1", item_image_url: "", item_tax: "11213",
      },
      {
        itemid: "10003", itemallowvariation: "0", itemrank: "3", item_categoryid: "501", item_ordertype: "1,2,3", item_tags: [], item_packingcharges: "",
        itemallowaddon: "0", itemaddonbasedon: "0", in_stock: "0", variation_groupname: "", variation: [], addon: [],
        itemname: "Retired Dish", item_attributeid: "1", itemdescription: "", price: "100.00", active: "0", item_image_url: "", item_tax: "",
      },
    ],
    variations: [],
    addongroups: [
      {
        addongroupid: "40001", addongroup_rank: "1", active: "1", addongroup_name: "Add Beverage",
        addongroupitems: [{ addonitemid: "50001", addonitem_name: "Mojito", addonitem_price: "60.00", active: "1", attributes: "1", addonitem_rank: "1" }],
      },
    ],
    attributes: [{ attributeid: "1", attribute: "veg", active: "1" }],
    discounts: [],
    taxes: [{ taxid: "11213", taxname: "CGST", tax: "2.5", taxtype: "1", tax_ordertype: "1,2,3", active: "1", tax_coreortotal: "2", tax_taxtype: "1", rank: "1", consider_in_core_amount: "0" }],
  };
}
