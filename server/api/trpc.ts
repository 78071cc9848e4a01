/**
 * tRPC setup: context, error shape and the procedure ladder
 *   publicProcedure → protectedProcedure → orgProcedure → adminProcedure.
 * Tenancy is enforced here, never inside handlers: an org procedure only ever sees
 * `ctx.org.id` for an organization the caller belongs to.
 * @see https://trpc.io/docs/server/procedures
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Session } from "next-auth";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "~/db/client";
import { users, type OrgRole } from "~/db/schema";
import { isAppError, trpcCodeOf } from "~/server/errors";
import { logger } from "~/server/logger";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { loadActiveMembership } from "~/server/tenancy/membership";
import { requireRole } from "./require-role";

export type TRPCContext = {
  db: Db;
  session: Session | null;
  /** Organization the caller picked (cookie); only honoured when they are a member. */
  preferredOrgId?: string | null;
};

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const details = isAppError(cause) ? cause.details : undefined;
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        fieldErrors: (details?.fieldErrors as Record<string, string[]> | undefined) ?? null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Domain code throws AppError; this maps it through the one error table. */
const appErrorMiddleware = t.middleware(async ({ next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isAppError(cause)) {
      throw new TRPCError({ code: trpcCodeOf(cause), message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error("trpc.error", { path, type, error: result.error.cause ?? result.error });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrorMiddleware);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session?.user?.id) throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { session: ctx.session, userId: ctx.session.user.id } });
});

/** Loads the caller's membership fresh from the database on every call. */
export const orgProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const org = await loadActiveMembership(ctx.db, ctx.userId, ctx.preferredOrgId);
  if (!org) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of any organization" });
  return next({ ctx: { org: { id: org.organizationId, name: org.organizationName, role: org.role } } });
});

/** An org procedure that also needs at least `min` (owner ⊇ manager ⊇ staff). */
export const orgRoleProcedure = (min: OrgRole) =>
  orgProcedure.use(({ ctx, next }) => {
    requireRole(ctx.org.role, min);
    return next();
  });

/** Platform admins; the role is re-read from the database so a demotion takes effect at once. */
export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.db.query.users.findFirst({
    where: eq(users.id, ctx.userId),
    columns: { platformRole: true },
  });
  if (user?.platformRole !== "admin") throw new TRPCError({ code: "FORBIDDEN" });
  return next();
});

/**
 * Procedures that act on one restaurant: input carries `restaurantId`, and the restaurant
 * must belong to the caller's organization. Another tenant's id is NOT_FOUND, not FORBIDDEN,
 * so ids cannot be probed.
 */
export const restaurantProcedure = orgProcedure
  .input(z.object({ restaurantId: z.uuid() }))
  .use(async ({ ctx, input, next }) => {
    const restaurant = await findOrgRestaurant(ctx.db, ctx.org.id, input.restaurantId);
    if (!restaurant) throw new TRPCError({ code: "NOT_FOUND", message: "Restaurant not found" });
    return next({ ctx: { restaurant } });
  });
