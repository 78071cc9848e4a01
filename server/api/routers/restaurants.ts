import { createRestaurant, createRestaurantSchema, listOrgRestaurants } from "~/server/restaurants/queries";
import { createTRPCRouter, orgProcedure, orgRoleProcedure } from "../trpc";

export const restaurantsRouter = createTRPCRouter({
  list: orgProcedure.query(({ ctx }) => listOrgRestaurants(ctx.db, ctx.org.id)),
  create: orgRoleProcedure("manager")
    .input(createRestaurantSchema)
    .mutation(({ ctx, input }) => createRestaurant(ctx.db, ctx.org.id, ctx.userId, input)),
});
