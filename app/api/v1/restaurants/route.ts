import { listOrgRestaurants } from "~/server/restaurants/queries";
import { apiRoute } from "~/server/rest/handler";
import { restaurantResource } from "~/server/rest/resources/restaurant";
import { listRestaurantsRoute } from "~/server/rest/routes";

export const GET = apiRoute(listRestaurantsRoute, async ({ db, caller }) => ({
  restaurants: (await listOrgRestaurants(db, caller.organizationId)).map(restaurantResource),
}));
