import { sellerOverview } from "~/server/metrics/seller-overview";
import { createTRPCRouter, restaurantProcedure } from "../trpc";

export const overviewRouter = createTRPCRouter({
  restaurant: restaurantProcedure.query(({ ctx }) => sellerOverview(ctx.db, ctx.restaurant.id)),
});
