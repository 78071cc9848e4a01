import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "~/db/schema";
import { loadActiveMembership } from "~/server/tenancy/membership";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/**
 * In-app notifications (the bell): the notices of the caller's organization, and notices
 * addressed to the caller alone with no organization (platform admins' POS health alerts).
 * Every query is scoped here, so another org's or another user's ids match nothing. A notice
 * of an organization addressed to one user (userId set) is shown only to that user.
 */
const inboxProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const org = await loadActiveMembership(ctx.db, ctx.userId, ctx.preferredOrgId);
  return next({ ctx: { orgId: org?.organizationId ?? null } });
});

const mine = (orgId: string | null, userId: string) =>
  and(
    eq(notifications.channel, "in_app"),
    or(
      orgId ? and(eq(notifications.organizationId, orgId), or(isNull(notifications.userId), eq(notifications.userId, userId))) : undefined,
      and(isNull(notifications.organizationId), eq(notifications.userId, userId)),
    ),
  );

const cursorSchema = z.object({ createdAt: z.date(), id: z.uuid() });

// Postgres keeps microseconds, a JS Date milliseconds: page on the millisecond value so a
// cursor round-trips exactly and no row between two pages is skipped.
const createdMs = sql`date_trunc('milliseconds', ${notifications.createdAt})`;

export const notificationsRouter = createTRPCRouter({
  /** Newest first, keyset-paginated on (createdAt, id). */
  list: inboxProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20), cursor: cursorSchema.nullish() }).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const c = input.cursor;
      const rows = await ctx.db
        .select({
          id: notifications.id,
          type: notifications.type,
          severity: notifications.severity,
          title: notifications.title,
          body: notifications.body,
          restaurantId: notifications.restaurantId,
          orderId: notifications.orderId,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
        })
        .from(notifications)
        .where(
          and(
            mine(ctx.orgId, ctx.userId),
            c
              ? or(sql`${createdMs} < ${c.createdAt.toISOString()}::timestamptz`, and(sql`${createdMs} = ${c.createdAt.toISOString()}::timestamptz`, lt(notifications.id, c.id)))
              : undefined,
          ),
        )
        .orderBy(desc(createdMs), desc(notifications.id))
        .limit(input.limit + 1);
      const items = rows.slice(0, input.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
    }),

  unreadCount: inboxProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine(ctx.orgId, ctx.userId), isNull(notifications.readAt)));
    return { count: row?.n ?? 0 };
  }),

  markRead: inboxProcedure
    .input(z.object({ ids: z.array(z.uuid()).min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const updated = await ctx.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(mine(ctx.orgId, ctx.userId), inArray(notifications.id, input.ids), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return { updated: updated.length };
    }),

  markAllRead: inboxProcedure.mutation(async ({ ctx }) => {
    const updated = await ctx.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(mine(ctx.orgId, ctx.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { updated: updated.length };
  }),
});
