import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { authenticate } from "./credentials";
import { hashPassword } from "./password";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(users).values({ email: "cook@test.dev", name: "Cook", passwordHash: await hashPassword("correct horse") });
});
afterAll(() => t.dispose());

describe("authenticate", () => {
  it("accepts the right password, case-insensitive email, and stamps last sign-in", async () => {
    const user = await authenticate(t.db, { email: "  COOK@test.dev ", password: "correct horse" });
    expect(user).toMatchObject({ email: "cook@test.dev", name: "Cook", platformRole: null });
    const row = await t.db.query.users.findFirst({ where: eq(users.email, "cook@test.dev") });
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  it.each([
    ["wrong password", { email: "cook@test.dev", password: "wrong" }],
    ["unknown email", { email: "nobody@test.dev", password: "correct horse" }],
    ["malformed email", { email: "not-an-email", password: "correct horse" }],
    ["missing fields", {}],
    ["not an object", "cook@test.dev"],
  ])("rejects %s", async (_label, input) => {
    expect(await authenticate(t.db, input)).toBeNull();
  });
});
