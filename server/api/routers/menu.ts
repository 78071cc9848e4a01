/**
 * The seller's menu: browse it, 86 / back on (any member: it is the kitchen's job, so staff may),
 * sync it from the POS now (manager and up: it rewrites the menu) and read the sync history.
 * Tenancy comes from restaurantProcedure (another organization's restaurant is NOT_FOUND).
 */
import { z } from "zod";
import { AVAILABILITY_TARGETS } from "~/db/schema";
import { liveConnection } from "~/server/connections/manage";
import { AppError } from "~/server/errors";
import { getProvider, isProviderId } from "~/server/integrations/registry";
import { loadMenuTree } from "~/server/menu/availability/read-menu";
import { setAvailability } from "~/server/menu/availability/set-availability";
import { snoozeChoiceSchema } from "~/server/menu/availability/snooze";
import { requestMenuSync } from "~/server/menu/sync/request";
import { getMenuSyncRun, listMenuSyncRuns } from "~/server/menu/sync/runs";
import { requireRole } from "../require-role";
import { createTRPCRouter, restaurantProcedure } from "../trpc";

export const menuRouter = createTRPCRouter({
  get: restaurantProcedure.query(async ({ ctx }) => {
    const [tree, connection, runs] = await Promise.all([
      loadMenuTree(ctx.db, ctx.restaurant.id),
      liveConnection(ctx.db, ctx.restaurant.id),
      listMenuSyncRuns(ctx.db, ctx.restaurant.id, { limit: 1 }),
    ]);
    return {
      ...tree,
      currency: ctx.restaurant.currency,
      timezone: ctx.restaurant.timezone,
      connection: connection
        ? {
            id: connection.id,
            provider: connection.provider,
            providerName: isProviderId(connection.provider) ? getProvider(connection.provider).metadata.name : connection.provider,
            status: connection.status,
            canPushAvailability: isProviderId(connection.provider) && !!getProvider(connection.provider).adapter.setAvailability,
          }
        : null,
      lastRun: runs[0] ?? null,
    };
  }),

  setAvailability: restaurantProcedure
    .input(z.object({ targetType: z.enum(AVAILABILITY_TARGETS), targetId: z.uuid(), choice: snoozeChoiceSchema }))
    .mutation(({ ctx, input }) =>
      setAvailability(ctx.db, {
        organizationId: ctx.org.id,
        restaurantId: ctx.restaurant.id,
        targetType: input.targetType,
        targetId: input.targetId,
        choice: input.choice,
        actorUserId: ctx.userId,
        source: "seller",
      }),
    ),

  syncNow: restaurantProcedure.mutation(async ({ ctx }) => {
    requireRole(ctx.org.role, "manager");
    const r = await requestMenuSync(ctx.db, { organizationId: ctx.org.id, restaurantId: ctx.restaurant.id, trigger: "manual" });
    return { runId: r.runId, alreadyRunning: r.alreadyRunning };
  }),

  syncRuns: restaurantProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) => listMenuSyncRuns(ctx.db, ctx.restaurant.id, { limit: input.limit })),

  syncRun: restaurantProcedure.input(z.object({ runId: z.uuid() })).query(async ({ ctx, input }) => {
    const run = await getMenuSyncRun(ctx.db, ctx.restaurant.id, input.runId);
    if (!run) throw new AppError("NOT_FOUND", "Sync run not found");
    return run;
  }),
});
