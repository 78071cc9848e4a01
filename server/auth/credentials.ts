import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { users, type PlatformRole } from "~/db/schema";
import { DUMMY_HASH, verifyPassword } from "./password";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(200),
});

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  platformRole: PlatformRole | null;
};

/**
 * Check an email + password. Returns null for any failure without saying which part was
 * wrong; an unknown email still pays for one bcrypt compare so timing does not tell.
 */
export async function authenticate(db: Db, raw: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
}
