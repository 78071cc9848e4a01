import "server-only";
import { eq } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "~/db";
import { users } from "~/db/schema";
import { listOrgRestaurants } from "~/server/restaurants/queries";
import { loadActiveMembership } from "~/server/tenancy/membership";
import { ORG_COOKIE, RESTAURANT_COOKIE } from "./cookies";
import { auth } from "./index";
import { safeCallbackUrl } from "./redirect";


/*
 * Layouts and pages render concurrently in the App Router, so a layout's guard does not stop
 * its page from running: every page calls its guard too. Both are cached per request.
 */

/** Signed-in session or a redirect to sign-in that comes back to this page. */
export async function requireSession() {
  const session = await auth();
  if (!session?.user?.id) {
    const back = safeCallbackUrl((await headers()).get("x-pathname"), "");
    redirect(back ? `/sign-in?callbackUrl=${encodeURIComponent(back)}` : "/sign-in");
  }
  return session;
}

/**
 * Guard for the seller area: a member of an organization, with the restaurant they picked
 * (cookie) or their first one. A platform admin without an organization goes to /admin.
 */
export const requireSeller = cache(async () => {
  const session = await requireSession();
  const db = await getDb();
  const jar = await cookies();
  const org = await loadActiveMembership(db, session.user.id, jar.get(ORG_COOKIE)?.value);
  if (!org) {
    if (session.user.isAdmin) redirect("/admin");
    forbidden();
  }
  const restaurants = await listOrgRestaurants(db, org.organizationId);
  const picked = jar.get(RESTAURANT_COOKIE)?.value;
  const restaurant = restaurants.find((r) => r.id === picked) ?? restaurants[0] ?? null;
  return { session, db, org, restaurants, restaurant };
});

/** Guard for the admin area: a 403 page for anyone who is not a platform admin (read fresh). */
export const requireAdmin = cache(async () => {
  const session = await requireSession();
  const db = await getDb();
  const user = await db.query.users.findFirst({ where: eq(users.id, session.user.id), columns: { platformRole: true } });
  if (user?.platformRole !== "admin") forbidden();
  return { session, db };
});
