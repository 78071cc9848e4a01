import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { createCaller } from "~/server/api/root";
import { callerFor, makeTenant, sessionFor } from "~/server/testing/factories";

let t: TestDb;
let owner: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let staffUser: Awaited<ReturnType<typeof makeTenant>>["user"];

beforeAll(async () => {
  t = await createTestDb();
  owner = await makeTenant(t.db);
  other = await makeTenant(t.db);
  // A staff member of the owner's organization.
  const extra = await makeTenant(t.db, { role: "staff" });
  staffUser = extra.user;
  await t.db.insert(memberships).values({ userId: staffUser.id, organizationId: owner.org.id, role: "staff" });
});
afterAll(() => t.dispose());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`),
  );

describe("apiKeys router", () => {
  it("an owner creates a key, sees it listed without secrets, and revokes it", async () => {
    const api = callerFor(t.db, owner.user);
    const created = await api.apiKeys.create({ name: "  POS bridge  " });
    expect(created.key.name).toBe("POS bridge");
    expect(created.plaintext).toMatch(/^sb_live_/);
    const list = await api.apiKeys.list();
    expect(list.map((k) => k.id)).toContain(created.key.id);
    expect(JSON.stringify(list)).not.toContain(created.plaintext);
    const revoked = await api.apiKeys.revoke({ id: created.key.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
  });

  it("staff can list but not create or revoke", async () => {
    const key = await callerFor(t.db, owner.user).apiKeys.create({ name: "Owner's" });
    // The staff user's oldest membership is their own org: pick the owner's org, as the cookie would.
    const staffInOwnerOrg = createCaller({ db: t.db, session: sessionFor(staffUser), preferredOrgId: owner.org.id });
    expect((await staffInOwnerOrg.apiKeys.list()).map((k) => k.id)).toContain(key.key.id);
    expect(await codeOf(staffInOwnerOrg.apiKeys.create({ name: "nope" }))).toBe("FORBIDDEN");
    expect(await codeOf(staffInOwnerOrg.apiKeys.revoke({ id: key.key.id }))).toBe("FORBIDDEN");
  });

  it("another organization's key is NOT_FOUND", async () => {
    const theirs = await callerFor(t.db, other.user).apiKeys.create({ name: "Theirs" });
    expect(await codeOf(callerFor(t.db, owner.user).apiKeys.revoke({ id: theirs.key.id }))).toBe("NOT_FOUND");
    const still = await callerFor(t.db, other.user).apiKeys.list();
    expect(still.find((k) => k.id === theirs.key.id)?.revokedAt).toBeNull();
  });

  it("a blank name is BAD_REQUEST", async () => {
    expect(await codeOf(callerFor(t.db, owner.user).apiKeys.create({ name: "   " }))).toBe("BAD_REQUEST");
  });
});
