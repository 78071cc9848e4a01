import { getDb } from "~/db";
import { auth } from "~/server/auth";
import { ORG_COOKIE, readCookie } from "~/server/auth/cookies";
import type { TRPCContext } from "./trpc";

/** Context for both the HTTP handler and the server-side caller. */
export async function createContextFromRequest(headers: Headers): Promise<TRPCContext> {
  const [db, session] = await Promise.all([getDb(), auth()]);
  return { db, session, preferredOrgId: readCookie(headers, ORG_COOKIE) };
}
