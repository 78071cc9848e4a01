/**
 * A menu sync run as the public API shows it (POST /api/v1/restaurants/:restaurantId/menu/sync):
 * snake_case, counts of what the diff did, the rows the POS sent that were skipped.
 */
import { z } from "zod";
import { MENU_SYNC_STATUSES, MENU_SYNC_TRIGGERS, MENU_SYNC_TYPES } from "~/db/schema";
import type { MenuSyncRun } from "~/server/menu/sync/runs";

export const menuSyncRunSchema = z.object({
  id: z.uuid(),
  connection_id: z.uuid(),
  type: z.enum(MENU_SYNC_TYPES),
  trigger: z.enum(MENU_SYNC_TRIGGERS),
  status: z.enum(MENU_SYNC_STATUSES).meta({ description: "running → success | partial (some rows skipped, see errors) | failed" }),
  fetched_count: z.number().int(),
  created_count: z.number().int(),
  updated_count: z.number().int(),
  removed_count: z.number().int(),
  unchanged_count: z.number().int(),
  errors: z.array(z.object({ kind: z.string(), external_id: z.string().nullable(), message: z.string() })),
  error_code: z.string().nullable().meta({ description: "Why a failed run failed, e.g. needs_reauth (reconnect the POS) or unavailable" }),
  started_at: z.iso.datetime(),
  completed_at: z.iso.datetime().nullable(),
  duration_ms: z.number().int().nullable(),
});

export const menuSyncResponseSchema = z.object({
  sync_run: menuSyncRunSchema,
  already_running: z.boolean().meta({ description: "A sync of this POS connection was already under way: this is that run" }),
});

export function menuSyncRunResource(run: MenuSyncRun): z.input<typeof menuSyncRunSchema> {
  return {
    id: run.id,
    connection_id: run.connectionId,
    type: run.type,
    trigger: run.trigger,
    status: run.status,
    fetched_count: run.fetchedCount,
    created_count: run.createdCount,
    updated_count: run.updatedCount,
    removed_count: run.removedCount,
    unchanged_count: run.unchangedCount,
    errors: run.errors.map((e) => ({ kind: e.kind, external_id: e.externalId ?? null, message: e.message })),
    error_code: run.errorCode,
    started_at: run.startedAt.toISOString(),
    completed_at: run.completedAt?.toISOString() ?? null,
    duration_ms: run.durationMs,
  };
}
