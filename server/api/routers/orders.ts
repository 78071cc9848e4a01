import { z } from "zod";
import { listRestaurantOrders } from "~/server/orders/queries";
import { createTRPCRouter, restaurantProcedure } from "../trpc";

export const ordersRouter = createTRPCRouter({
  list: restaurantProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(25), cursor: z.date().optional() }))
    .query(({ ctx, input }) =>
      listRestaurantOrders(ctx.db, ctx.restaurant.id, { limit: input.limit, before: input.cursor }),
    ),
});
