import { z } from "zod";
import { auditFacets, listAudit } from "~/server/admin/queries";
import { listProviderSettings, updateProviderSettings, updateProviderSettingsInput } from "~/server/admin/provider-settings";
import { platformMetrics } from "~/server/metrics/platform-metrics";
import { metricsRangeSchema } from "~/server/metrics/range";
import { adminProcedure } from "../trpc";

/** Issue 6 admin procedures (overview metrics, provider settings, audit search), spread into the admin router. */
export const adminMetricsProcedures = {
  /** The overview over 24 h (hourly) / 7 d / 30 d (daily), UTC buckets. */
  metrics: adminProcedure
    .input(z.object({ range: metricsRangeSchema.default("24h") }))
    .query(({ ctx, input }) => platformMetrics(ctx.db, input.range)),
  providerSettings: adminProcedure.query(({ ctx }) => listProviderSettings(ctx.db)),
  updateProviderSettings: adminProcedure
    .input(updateProviderSettingsInput)
    .mutation(({ ctx, input }) => updateProviderSettings(ctx.db, ctx.userId, input)),
  auditSearch: adminProcedure
    .input(
      z
        .object({
          limit: z.number().int().min(1).max(200).default(50),
          cursor: z.object({ createdAt: z.coerce.date(), id: z.uuid() }).optional(),
          action: z.string().trim().min(1).max(100).optional(),
          actor: z.string().trim().min(1).max(200).optional(),
          organizationId: z.uuid().optional(),
          targetId: z.string().trim().min(1).max(200).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          q: z.string().trim().min(1).max(200).optional(),
        })
        .refine((f) => !f.from || !f.to || f.from < f.to, { message: "from must be before to", path: ["from"] }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
  auditFacets: adminProcedure.query(({ ctx }) => auditFacets(ctx.db)),
};
