import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditLog } from "~/db/schema";
import { AppError } from "~/server/errors";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { API_KEY_PREFIX, hashApiKey, isWellFormedApiKey } from "./key-format";
import { createApiKey, listApiKeys, revokeApiKey } from "./manage";
import { verifyApiKey } from "./verify";

let t: TestDb;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  t = await createTestDb();
  a = await makeTenant(t.db, { name: "Alpha" });
  b = await makeTenant(t.db, { name: "Bravo" });
});
afterAll(() => t.dispose());

const create = (tenant: typeof a, name = "Marketplace backend") =>
  createApiKey(t.db, { organizationId: tenant.org.id, actorUserId: tenant.user.id, name });

const storedRow = (id: string) => t.db.query.apiKeys.findFirst({ where: eq(apiKeys.id, id) });

describe("createApiKey", () => {
  it("returns the plaintext once and stores only its SHA-256 hash and a display prefix", async () => {
    const { key, plaintext } = await create(a);
    expect(plaintext.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(isWellFormedApiKey(plaintext)).toBe(true);
    expect(key).toMatchObject({ name: "Marketplace backend", revokedAt: null, lastUsedAt: null, createdByName: a.user.name });
    expect(plaintext.startsWith(key.prefix)).toBe(true);
    expect(key.prefix.length).toBeLessThan(plaintext.length / 2);

    const row = await storedRow(key.id);
    expect(row?.keyHash).toBe(hashApiKey(plaintext));
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(plaintext);
  });

  it("never produces the same key twice", async () => {
    const [one, two] = await Promise.all([create(a, "one"), create(a, "two")]);
    expect(one.plaintext).not.toBe(two.plaintext);
  });

  it("audits creation without the key or its hash", async () => {
    const { key, plaintext } = await create(a, "Audited");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api_key.created"), eq(auditLog.targetId, key.id)));
    expect(entry).toMatchObject({ actorUserId: a.user.id, organizationId: a.org.id, actorType: "user" });
    expect(entry?.metadata).toMatchObject({ name: "Audited", prefix: key.prefix });
    const dumped = JSON.stringify(entry);
    expect(dumped).not.toContain(plaintext);
    expect(dumped).not.toContain(hashApiKey(plaintext));
  });
});

describe("listApiKeys", () => {
  it("lists the organization's keys only, never a plaintext or hash", async () => {
    const mine = await create(a, "Listed");
    const theirs = await create(b, "Other org");
    const list = await listApiKeys(t.db, a.org.id);
    expect(list.map((k) => k.id)).toContain(mine.key.id);
    expect(list.map((k) => k.id)).not.toContain(theirs.key.id);
    const dumped = JSON.stringify(list);
    expect(dumped).not.toContain(mine.plaintext);
    expect(dumped).not.toContain(hashApiKey(mine.plaintext));
    for (const k of list) expect(Object.keys(k).sort()).toEqual(["createdAt", "createdByName", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
  });
});

describe("revokeApiKey", () => {
  it("another organization's key is NOT_FOUND and stays valid", async () => {
    const { key, plaintext } = await create(b);
    const err = await revokeApiKey(t.db, { organizationId: a.org.id, actorUserId: a.user.id, id: key.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("NOT_FOUND");
    expect((await storedRow(key.id))?.revokedAt).toBeNull();
    expect(await verifyApiKey(t.db, plaintext)).toEqual({ organizationId: b.org.id, apiKeyId: key.id });
  });

  it("an unknown id is NOT_FOUND", async () => {
    const err = await revokeApiKey(t.db, { organizationId: a.org.id, actorUserId: a.user.id, id: crypto.randomUUID() }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("NOT_FOUND");
  });

  it("sets revokedAt once, audits once, and the key stops verifying", async () => {
    const { key, plaintext } = await create(a);
    const first = await revokeApiKey(t.db, { organizationId: a.org.id, actorUserId: a.user.id, id: key.id });
    expect(first.revokedAt).toBeInstanceOf(Date);
    const again = await revokeApiKey(t.db, { organizationId: a.org.id, actorUserId: a.user.id, id: key.id });
    expect(again.revokedAt).toEqual(first.revokedAt);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api_key.revoked"), eq(auditLog.targetId, key.id)));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(plaintext);
    expect(await verifyApiKey(t.db, plaintext)).toBeNull();
  });
});

describe("verifyApiKey", () => {
  it("resolves a valid key to its organization", async () => {
    const { key, plaintext } = await create(a);
    expect(await verifyApiKey(t.db, plaintext)).toEqual({ organizationId: a.org.id, apiKeyId: key.id });
  });

  it("rejects unknown, malformed and truncated keys", async () => {
    const { plaintext } = await create(a);
    const unknown = API_KEY_PREFIX + "A".repeat(43);
    for (const bad of [unknown, "", "nonsense", plaintext.slice(0, -1), plaintext + "x", plaintext.toUpperCase()]) {
      expect(await verifyApiKey(t.db, bad)).toBeNull();
    }
  });

  it("updates lastUsedAt at most once a minute", async () => {
    const { key, plaintext } = await create(a);
    const t0 = new Date("2030-01-01T00:00:00Z");
    await verifyApiKey(t.db, plaintext, t0);
    expect((await storedRow(key.id))?.lastUsedAt).toEqual(t0);
    await verifyApiKey(t.db, plaintext, new Date(t0.getTime() + 30_000));
    expect((await storedRow(key.id))?.lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await verifyApiKey(t.db, plaintext, t2);
    expect((await storedRow(key.id))?.lastUsedAt).toEqual(t2);
  });
});
