import { getDb } from "~/db";
import { auth } from "~/server/auth";
import { ORG_COOKIE } from "~/server/auth/cookies";
import type { TRPCContext } from "./trpc";


function readCookie(headers: Headers, name: string) {
  const raw = headers.get("cookie");
  if (!raw) return null;
  for (const part of raw.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

/** Context for both the HTTP handler and the server-side caller. */
export async function createContextFromRequest(headers: Headers): Promise<TRPCContext> {
  const [db, session] = await Promise.all([getDb(), auth()]);
  return { db, session, preferredOrgId: readCookie(headers, ORG_COOKIE) };
}
