import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { memberships, organizations, restaurants, users } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";
import { hashPassword } from "~/server/auth/password";
import { AppError } from "~/server/errors";

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address")),
  password: z
    .string()
    .min(10, "Use at least 10 characters")
    .max(200, "Use at most 200 characters"),
  organizationName: z.string().trim().min(2, "Enter your business name").max(100),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

function slugify(s: string) {
  return (
    s
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "org"
  );
}

/**
 * Create a seller account: user, organization, owner membership and a first restaurant
 * named after the business, in one transaction. A duplicate email is a CONFLICT with a
 * field error and writes nothing.
 */
export async function signUp(db: Db, input: SignUpInput) {
  const existing = await db.query.users.findFirst({ where: eq(users.email, input.email) });
  if (existing) {
    throw new AppError("CONFLICT", "An account with this email already exists", {
      details: { fieldErrors: { email: ["An account with this email already exists"] } },
    });
  }
  const passwordHash = await hashPassword(input.password);
  const slug = `${slugify(input.organizationName)}-${crypto.randomUUID().slice(0, 6)}`;
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .returning({ id: users.id });
      const [org] = await tx
        .insert(organizations)
        .values({ name: input.organizationName, slug })
        .returning({ id: organizations.id });
      if (!user || !org) throw new AppError("INTERNAL", "Sign-up insert returned nothing");
      await tx.insert(memberships).values({ userId: user.id, organizationId: org.id, role: "owner" });
      await tx.insert(restaurants).values({ organizationId: org.id, name: input.organizationName });
      await recordAudit(tx, {
        action: "organization.created",
        actorUserId: user.id,
        organizationId: org.id,
        targetType: "organization",
        targetId: org.id,
      });
      return { userId: user.id, organizationId: org.id };
    });
  } catch (e) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same answer.
    if (String((e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string }).code) === "23505") {
      throw new AppError("CONFLICT", "An account with this email already exists", {
        details: { fieldErrors: { email: ["An account with this email already exists"] } },
      });
    }
    throw e;
  }
}
