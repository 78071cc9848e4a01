import type { Session } from "next-auth";
import type { Db } from "~/db/client";
import { memberships, organizations, restaurants, users, type OrgRole } from "~/db/schema";
import { createCaller } from "~/server/api/root";

let seq = 0;

/** An organization with one member of `role` and one restaurant. */
export async function makeTenant(db: Db, opts: { role?: OrgRole; name?: string } = {}) {
  const n = ++seq;
  const [user] = await db
    .insert(users)
    .values({ email: `user${n}-${Date.now()}@test.dev`, name: `User ${n}`, passwordHash: "x" })
    .returning();
  const [org] = await db
    .insert(organizations)
    .values({ name: opts.name ?? `Org ${n}`, slug: `org-${n}-${Date.now()}` })
    .returning();
  await db.insert(memberships).values({ userId: user!.id, organizationId: org!.id, role: opts.role ?? "owner" });
  const [restaurant] = await db
    .insert(restaurants)
    .values({ organizationId: org!.id, name: `Restaurant ${n}`, currency: "USD" })
    .returning();
  return { user: user!, org: org!, restaurant: restaurant! };
}

export async function makeAdmin(db: Db) {
  const [user] = await db
    .insert(users)
    .values({ email: `admin${++seq}-${Date.now()}@test.dev`, name: "Admin", passwordHash: "x", platformRole: "admin" })
    .returning();
  return user!;
}

export function sessionFor(user: { id: string; email: string; platformRole?: string | null }): Session {
  return {
    user: { id: user.id, email: user.email, isAdmin: user.platformRole === "admin" },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
}

/** A tRPC caller acting as `user` (or signed out with null), through the full procedure ladder. */
export function callerFor(db: Db, user: Parameters<typeof sessionFor>[0] | null) {
  return createCaller({ db, session: user ? sessionFor(user) : null });
}
