import type { Db } from "~/db/client";
import type { OrgRole } from "~/db/schema";
import { verifyApiKey } from "~/server/api-keys/verify";
import { auth } from "~/server/auth";
import { ORG_COOKIE, readCookie } from "~/server/auth/cookies";
import { AppError } from "~/server/errors";
import { loadActiveMembership } from "~/server/tenancy/membership";

/** Who is calling the REST API, always scoped to exactly one organization. */
export type ApiCaller = {
  organizationId: string;
  kind: "api_key" | "user";
  /** Set for session callers. */
  userId?: string;
  /** The member's role, for session callers; an API key acts for the organization itself. */
  role?: OrgRole;
  /** Set for API-key callers. */
  apiKeyId?: string;
};

/**
 * An `Authorization` header decides on its own: a wrong, revoked or non-Bearer credential is
 * a 401 even when a session cookie is also present, so a broken integration fails loudly
 * instead of quietly acting as whoever is signed in to the browser.
 */
export async function resolveCaller(req: Request, db: Db): Promise<ApiCaller> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match) throw new AppError("UNAUTHENTICATED", "Use 'Authorization: Bearer <API key>'");
    const key = await verifyApiKey(db, match[1]!);
    if (!key) throw new AppError("UNAUTHENTICATED", "Invalid or revoked API key");
    return { organizationId: key.organizationId, kind: "api_key", apiKeyId: key.apiKeyId };
  }
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) {
    throw new AppError("UNAUTHENTICATED", "Authentication required: send 'Authorization: Bearer <API key>'");
  }
  const membership = await loadActiveMembership(db, userId, readCookie(req.headers, ORG_COOKIE));
  if (!membership) throw new AppError("FORBIDDEN", "You are not a member of any organization");
  return { organizationId: membership.organizationId, kind: "user", userId, role: membership.role };
}
