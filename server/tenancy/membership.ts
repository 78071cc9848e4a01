import { and, asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { memberships, organizations, type OrgRole } from "~/db/schema";

export type ActiveMembership = {
  organizationId: string;
  organizationName: string;
  role: OrgRole;
};

/**
 * The organization a signed-in user is acting for: `preferredOrgId` when they belong to it,
 * otherwise their oldest membership. Null when they belong to none (e.g. a platform admin).
 */
export async function loadActiveMembership(
  db: Db,
  userId: string,
  preferredOrgId?: string | null,
): Promise<ActiveMembership | null> {
  const rows = await db
    .select({
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      preferredOrgId
        ? and(eq(memberships.userId, userId), eq(memberships.organizationId, preferredOrgId))
        : eq(memberships.userId, userId),
    )
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (rows[0]) return rows[0];
  return preferredOrgId ? loadActiveMembership(db, userId) : null;
}

const RANK: Record<OrgRole, number> = { staff: 0, manager: 1, owner: 2 };

/** owner ⊇ manager ⊇ staff. */
export function roleAtLeast(role: OrgRole, min: OrgRole) {
  return RANK[role] >= RANK[min];
}
