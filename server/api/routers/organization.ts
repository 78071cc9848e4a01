import { listMembers } from "~/server/tenancy/members";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const organizationRouter = createTRPCRouter({
  current: orgProcedure.query(({ ctx }) => ctx.org),
  members: orgProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.org.id)),
});
