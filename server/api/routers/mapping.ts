import { z } from "zod";
import { confirmAllHigh, confirmMapping, rejectMapping, rerunMatching, resetMapping, setMappingInput } from "~/server/menu/mapping/manage";
import { listMappingReview, listPosOptions } from "~/server/menu/mapping/review";
import { requireRole } from "../require-role";
import { createTRPCRouter, restaurantProcedure } from "../trpc";

const dishInput = z.object({ dishId: z.uuid() });

/** Item mapping review (Menu → Mapping): anyone in the organization reads, manager+ decides. */
export const mappingRouter = createTRPCRouter({
  list: restaurantProcedure.query(({ ctx }) => listMappingReview(ctx.db, ctx.restaurant.id)),
  posOptions: restaurantProcedure.query(({ ctx }) => listPosOptions(ctx.db, ctx.restaurant.id)),
  /** Confirm the suggestion (dish only), or map the dish to the POS item/variation picked. */
  confirm: restaurantProcedure
    .input(dishInput.extend({ menuItemId: setMappingInput.shape.menuItemId.optional(), variationId: setMappingInput.shape.variationId }))
    .mutation(({ ctx, input }) => {
      requireRole(ctx.org.role, "manager");
      return confirmMapping(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id, input);
    }),
  reject: restaurantProcedure.input(dishInput).mutation(({ ctx, input }) => {
    requireRole(ctx.org.role, "manager");
    return rejectMapping(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id, input.dishId);
  }),
  reset: restaurantProcedure.input(dishInput).mutation(({ ctx, input }) => {
    requireRole(ctx.org.role, "manager");
    return resetMapping(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id, input.dishId);
  }),
  confirmAllHigh: restaurantProcedure.mutation(({ ctx }) => {
    requireRole(ctx.org.role, "manager");
    return confirmAllHigh(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id);
  }),
  rerun: restaurantProcedure.mutation(({ ctx }) => {
    requireRole(ctx.org.role, "manager");
    return rerunMatching(ctx.db, ctx.restaurant.id);
  }),
});
