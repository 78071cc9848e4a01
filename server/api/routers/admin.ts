import { z } from "zod";
import { providerOverview } from "~/server/admin/providers";
import { listAllRestaurants, listAudit, listWebhookEvents } from "~/server/admin/queries";
import { recordAudit } from "~/server/audit/record";
import { dispatch } from "~/server/jobs/dispatch";
import { platformOverview } from "~/server/metrics/platform-overview";
import { WEBHOOK_EVENT_STATUSES } from "~/db/schema";
import { AppError } from "~/server/errors";
import { listWebhookEventsFiltered, webhookEventDetail } from "~/server/webhooks/admin-queries";
import { reprocessWebhookEvent } from "~/server/webhooks/process";
import { adminProcedure, createTRPCRouter } from "../trpc";
import { adminMetricsProcedures } from "./admin-metrics";

export const adminRouter = createTRPCRouter({
  ...adminMetricsProcedures,
  overview: adminProcedure.query(({ ctx }) => platformOverview(ctx.db)),
  restaurants: adminProcedure.query(({ ctx }) => listAllRestaurants(ctx.db)),
  providers: adminProcedure.query(({ ctx }) => providerOverview(ctx.db)),
  audit: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50), cursor: z.date().optional() }))
    .query(({ ctx, input }) => listAudit(ctx.db, { limit: input.limit, cursor: input.cursor ? { createdAt: input.cursor, id: "ffffffff-ffff-ffff-ffff-ffffffffffff" } : undefined })),
  webhooks: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listWebhookEvents(ctx.db, input)),
  /** The webhook explorer: filter by provider, status, time range. */
  webhookEvents: adminProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(500).default(100),
        provider: z.string().max(64).optional(),
        status: z.enum(WEBHOOK_EVENT_STATUSES).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
      }),
    )
    .query(({ ctx, input }) => listWebhookEventsFiltered(ctx.db, input)),
  webhookEvent: adminProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => webhookEventDetail(ctx.db, input.id)),
  /** Re-run processing of a failed or unmatched (verified) event. */
  reprocessWebhook: adminProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const row = await reprocessWebhookEvent(ctx.db, input.id);
    if (!row) throw new AppError("CONFLICT", "Only verified events that failed or were unmatched can be reprocessed");
    await recordAudit(ctx.db, { action: "webhook.reprocess_requested", actorUserId: ctx.userId, targetType: "webhook_event", targetId: input.id });
    return { dispatched: true };
  }),
  /** Ask the jobs driver for a heartbeat now: proves dispatch works end to end. */
  runHeartbeat: adminProcedure.mutation(async ({ ctx }) => {
    await dispatch({ name: "switchboard/heartbeat.requested", data: { requestedBy: ctx.userId } });
    await recordAudit(ctx.db, { action: "jobs.heartbeat_requested", actorUserId: ctx.userId });
    return { dispatched: true };
  }),
});
