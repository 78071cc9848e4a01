import { asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { memberships, users } from "~/db/schema";

export function listMembers(db: Db, organizationId: string) {
  return db
    .select({ id: memberships.id, role: memberships.role, name: users.name, email: users.email, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(memberships.createdAt));
}
