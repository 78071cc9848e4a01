import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, organizations, restaurants, users } from "~/db/schema";
import { authenticate } from "~/server/auth/credentials";
import { AppError } from "~/server/errors";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { signUp, signUpSchema } from "./sign-up";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

const counts = async () => ({
  users: (await t.db.select({ n: count() }).from(users))[0]!.n,
  orgs: (await t.db.select({ n: count() }).from(organizations))[0]!.n,
  memberships: (await t.db.select({ n: count() }).from(memberships))[0]!.n,
  restaurants: (await t.db.select({ n: count() }).from(restaurants))[0]!.n,
});

const valid = { name: "Ana", email: "Ana@Bistro.dev", password: "a-long-password", organizationName: "Ana's Bistro" };

describe("signUp", () => {
  it("creates user, organization, owner membership, first restaurant and an audit entry", async () => {
    const out = await signUp(t.db, signUpSchema.parse(valid));
    const m = await t.db.query.memberships.findFirst();
    expect(m).toMatchObject({ userId: out.userId, organizationId: out.organizationId, role: "owner" });
    const r = await t.db.query.restaurants.findFirst();
    expect(r).toMatchObject({ organizationId: out.organizationId, name: "Ana's Bistro" });
    expect((await t.db.select().from(auditLog)).map((a) => a.action)).toContain("organization.created");
    // The password works for sign-in, and is not stored in the clear.
    expect(await authenticate(t.db, { email: "ana@bistro.dev", password: "a-long-password" })).not.toBeNull();
    const u = await t.db.query.users.findFirst();
    expect(u?.passwordHash).not.toContain("a-long-password");
  });

  it("rejects a duplicate email with a field error and writes nothing", async () => {
    const before = await counts();
    const err = await signUp(t.db, signUpSchema.parse({ ...valid, email: "ANA@bistro.dev" })).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("CONFLICT");
    expect(err.details.fieldErrors.email[0]).toMatch(/already exists/);
    expect(await counts()).toEqual(before);
  });

  it("validates every field with a message a person can act on", () => {
    const r = signUpSchema.safeParse({ name: "", email: "nope", password: "short", organizationName: "" });
    expect(r.success).toBe(false);
    const fields = Object.keys(r.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(["email", "name", "organizationName", "password"]);
  });
});
