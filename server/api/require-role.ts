import { TRPCError } from "@trpc/server";
import type { OrgRole } from "~/db/schema";
import { roleAtLeast } from "~/server/tenancy/membership";

/** For procedures already past the tenancy check that also need a minimum role. */
export function requireRole(role: OrgRole, min: OrgRole) {
  if (!roleAtLeast(role, min)) throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${min} role or higher` });
}
