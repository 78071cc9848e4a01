/** The organization a member of several is acting for. */
export const ORG_COOKIE = "sb_org";
/** The restaurant picked in the seller switcher. */
export const RESTAURANT_COOKIE = "sb_restaurant";
