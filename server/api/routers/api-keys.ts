import { createApiKey, createApiKeySchema, listApiKeys, revokeApiKey, revokeApiKeySchema } from "~/server/api-keys/manage";
import { createTRPCRouter, orgProcedure, orgRoleProcedure } from "../trpc";

/** Any member may see which keys exist; only managers and owners mint or revoke them. */
export const apiKeysRouter = createTRPCRouter({
  list: orgProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.org.id)),
  create: orgRoleProcedure("manager")
    .input(createApiKeySchema)
    .mutation(({ ctx, input }) =>
      createApiKey(ctx.db, { organizationId: ctx.org.id, actorUserId: ctx.userId, name: input.name }),
    ),
  revoke: orgRoleProcedure("manager")
    .input(revokeApiKeySchema)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, { organizationId: ctx.org.id, actorUserId: ctx.userId, id: input.id })),
});
