import { z } from "zod";
import { SYNC_JOB_STATUSES } from "~/db/schema";
import { syncDaily, syncHistory, syncStats } from "~/server/sync/queries";
import { createTRPCRouter, restaurantProcedure } from "../trpc";

export const syncRouter = createTRPCRouter({
  history: restaurantProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(25), offset: z.number().int().min(0).default(0), status: z.enum(SYNC_JOB_STATUSES).optional() }))
    .query(({ ctx, input }) => syncHistory(ctx.db, ctx.restaurant.id, input)),
  stats: restaurantProcedure.query(async ({ ctx }) => {
    const [stats, daily] = await Promise.all([syncStats(ctx.db, ctx.restaurant.id), syncDaily(ctx.db, ctx.restaurant.id)]);
    return { ...stats, daily };
  }),
});
