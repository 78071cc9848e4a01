import { z } from "zod";
import { CONNECTION_HEALTH } from "~/db/schema";
import { resolveFailures, retryFailures } from "~/server/admin/failure-actions";
import { BULK_LIMIT, failureGroups, jobProgress, listOpenFailures, openFailureIds } from "~/server/admin/failures";
import { restaurantDetail } from "~/server/admin/restaurant-detail";
import { listRestaurantHealth, RESTAURANT_SORTS } from "~/server/admin/restaurant-health";
import { AppError } from "~/server/errors";
import { adminProcedure, createTRPCRouter } from "../trpc";

/** Filters of the failures page; the same names are its URL search params. */
const failureFilter = z.object({
  provider: z.string().min(1).max(64).optional(),
  errorClass: z.string().min(1).max(64).optional(),
  restaurantId: z.uuid().optional(),
});
const jobIds = z.array(z.uuid()).min(1).max(BULK_LIMIT);

/** Admin monitoring (issue 6): restaurant health, failed-sync triage. Every procedure is admin-only. */
export const adminMonitoringRouter = createTRPCRouter({
  restaurants: adminProcedure
    .input(
      z.object({
        provider: z.string().min(1).max(64).optional(),
        health: z.enum([...CONNECTION_HEALTH, "none"]).optional(),
        q: z.string().trim().max(100).optional(),
        sort: z.enum(RESTAURANT_SORTS).default("name"),
        dir: z.enum(["asc", "desc"]).default("asc"),
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => listRestaurantHealth(ctx.db, input)),
  restaurant: adminProcedure.input(z.object({ restaurantId: z.uuid() })).query(async ({ ctx, input }) => {
    const detail = await restaurantDetail(ctx.db, input.restaurantId);
    if (!detail) throw new AppError("NOT_FOUND", "Restaurant not found");
    return detail;
  }),
  failureGroups: adminProcedure.input(failureFilter).query(({ ctx, input }) => failureGroups(ctx.db, input)),
  failures: adminProcedure
    .input(failureFilter.extend({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => listOpenFailures(ctx.db, input)),
  /** What a bulk action on this filter would touch (at most BULK_LIMIT ids, and the full count). */
  failureIds: adminProcedure.input(failureFilter).query(({ ctx, input }) => openFailureIds(ctx.db, input)),
  jobProgress: adminProcedure.input(z.object({ jobIds })).query(({ ctx, input }) => jobProgress(ctx.db, input.jobIds)),
  retryFailures: adminProcedure.input(z.object({ jobIds })).mutation(({ ctx, input }) => retryFailures(ctx.db, ctx.userId, input.jobIds)),
  resolveFailures: adminProcedure
    .input(z.object({ jobIds, note: z.string().trim().min(1).max(500) }))
    .mutation(({ ctx, input }) => resolveFailures(ctx.db, ctx.userId, input.jobIds, input.note)),
});
