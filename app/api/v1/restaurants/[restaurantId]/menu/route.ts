import { AppError } from "~/server/errors";
import { loadMenuTree } from "~/server/menu/availability/read-menu";
import { apiRoute } from "~/server/rest/handler";
import { menuResource } from "~/server/rest/resources/menu";
import { restaurantMenuRoute } from "~/server/rest/routes";
import { findOrgRestaurant } from "~/server/restaurants/queries";

// GET /api/v1/restaurants/:restaurantId/menu – the normalized menu with effective availability.
export const GET = apiRoute(restaurantMenuRoute, async ({ db, caller, params }) => {
  const restaurant = await findOrgRestaurant(db, caller.organizationId, params.restaurantId);
  // Another organization's restaurant is indistinguishable from no restaurant.
  if (!restaurant) throw new AppError("NOT_FOUND", "Restaurant not found");
  const now = new Date();
  return menuResource(restaurant, await loadMenuTree(db, restaurant.id, now), now);
});
