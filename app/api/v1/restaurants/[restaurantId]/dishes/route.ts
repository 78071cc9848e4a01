import { AppError } from "~/server/errors";
import { upsertDishes } from "~/server/menu/mapping/upsert-dishes";
import { ok } from "~/server/rest/envelope";
import { apiRoute } from "~/server/rest/handler";
import { putDishesRoute } from "~/server/rest/routes";
import { findOrgRestaurant } from "~/server/restaurants/queries";

/** PUT /api/v1/restaurants/:restaurantId/dishes — the marketplace's dishes, matched to the POS menu. */
export const PUT = apiRoute(putDishesRoute, async ({ db, caller, params, body }) => {
  const restaurant = await findOrgRestaurant(db, caller.organizationId, params.restaurantId);
  if (!restaurant) throw new AppError("NOT_FOUND", "Restaurant not found");
  const { upserted, matched } = await upsertDishes(
    db,
    { id: restaurant.id, organizationId: caller.organizationId },
    body.map((d) => ({ externalId: d.dish_id, name: d.name, priceAmount: d.price, currency: d.currency, posItemRef: d.pos_item_id ?? null })),
  );
  return ok(
    { upserted, matching: matched.map((m) => ({ suggested: m.suggested, auto_confirmed: m.autoConfirmed, unmatched: m.unmatched, kept: m.kept })) },
    "Dishes received",
  );
});
