import { env } from "~/env";
import { getDb } from "~/db";
import { auth } from "~/server/auth";
import { ORG_COOKIE, readCookie } from "~/server/auth/cookies";
import { isAppError } from "~/server/errors";
import { logger } from "~/server/logger";
import { loadActiveMembership, roleAtLeast } from "~/server/tenancy/membership";
import { completeOAuth, startOAuth } from "./oauth";

/**
 * The public origin: APP_URL when configured, else the Host the browser used (Next's
 * `req.url` may say localhost behind a proxy or when bound to 127.0.0.1, which would land the
 * seller on another cookie domain after the vendor's redirect).
 */
function publicOrigin(req: Request) {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return host ? `${proto}://${host}` : new URL(req.url).origin;
}

/** The redirect URI registered with the vendor. */
export function oauthRedirectUri(req: Request, provider: string) {
  return `${publicOrigin(req)}/api/oauth/${provider}/callback`;
}

const back = (req: Request, params: Record<string, string>) =>
  Response.redirect(`${publicOrigin(req)}/integrations?${new URLSearchParams(params)}`, 303);

/** GET /api/oauth/:provider/start?restaurantId= — a manager starts connecting their POS. */
export async function handleOAuthStart(req: Request, provider: string) {
  const session = await auth();
  if (!session?.user?.id) return Response.redirect(`${publicOrigin(req)}/sign-in?callbackUrl=%2Fintegrations`, 303);
  const db = await getDb();
  const org = await loadActiveMembership(db, session.user.id, readCookie(req.headers, ORG_COOKIE));
  if (!org || !roleAtLeast(org.role, "manager")) return back(req, { error: "Only owners and managers can connect a POS." });
  const restaurantId = new URL(req.url).searchParams.get("restaurantId") ?? "";
  try {
    const url = await startOAuth(db, {
      organizationId: org.organizationId,
      userId: session.user.id,
      restaurantId,
      provider,
      redirectUri: oauthRedirectUri(req, provider),
    });
    return Response.redirect(url, 303);
  } catch (e) {
    return back(req, { error: isAppError(e) ? e.message : "Could not start connecting." });
  }
}

/** GET /api/oauth/:provider/callback?code&state (or ?error) — the vendor sends the seller back. */
export async function handleOAuthCallback(req: Request, provider: string) {
  const session = await auth();
  if (!session?.user?.id) return Response.redirect(`${publicOrigin(req)}/sign-in`, 303);
  const q = new URL(req.url).searchParams;
  try {
    await completeOAuth(await getDb(), {
      provider,
      state: q.get("state"),
      code: q.get("code"),
      error: q.get("error"),
      userId: session.user.id,
      redirectUri: oauthRedirectUri(req, provider),
    });
    return back(req, { connected: provider });
  } catch (e) {
    if (!isAppError(e)) logger.error("oauth.callback_failed", { provider, error: e });
    return back(req, { error: isAppError(e) ? e.message : "Connecting failed. Please try again." });
  }
}
