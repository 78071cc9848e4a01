import { z } from "zod";
import { listAllRestaurants, listAudit, listWebhookEvents } from "~/server/admin/queries";
import { recordAudit } from "~/server/audit/record";
import { dispatch } from "~/server/jobs/dispatch";
import { platformOverview } from "~/server/metrics/platform-overview";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const adminRouter = createTRPCRouter({
  overview: adminProcedure.query(({ ctx }) => platformOverview(ctx.db)),
  restaurants: adminProcedure.query(({ ctx }) => listAllRestaurants(ctx.db)),
  audit: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50), cursor: z.date().optional() }))
    .query(({ ctx, input }) => listAudit(ctx.db, { limit: input.limit, before: input.cursor })),
  webhooks: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listWebhookEvents(ctx.db, input)),
  /** Ask the jobs driver for a heartbeat now: proves dispatch works end to end. */
  runHeartbeat: adminProcedure.mutation(async ({ ctx }) => {
    await dispatch({ name: "switchboard/heartbeat.requested", data: { requestedBy: ctx.userId } });
    await recordAudit(ctx.db, { action: "jobs.heartbeat_requested", actorUserId: ctx.userId });
    return { dispatched: true };
  }),
});
