/**
 * integrations.connectApiKey / checkApiKey: the seller's connect form for API-key POSes
 * (PetPooja here). Field-level BAD_REQUEST with nothing stored, tenancy and roles, and no
 * secret in any response.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connections, memberships, users } from "~/db/schema";
import { readCredentials } from "~/server/connections/credentials";
import { FAKE_PETPOOJA_APP, FAKE_PETPOOJA_REST_ID, startFakePetpooja, type FakePetpooja } from "~/server/integrations/petpooja/fake";
import { FAKE_PETPOOJA_APP_CREDENTIALS } from "~/server/integrations/petpooja/sandbox";
import { registerSandbox } from "~/server/integrations/runtime";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { callerFor, makeTenant } from "~/server/testing/factories";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

let t: TestDb;
let fake: FakePetpooja;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let staff: ReturnType<typeof callerFor>;

const good = { restID: FAKE_PETPOOJA_REST_ID, ...FAKE_PETPOOJA_APP };
const SECRETS = Object.values(FAKE_PETPOOJA_APP);

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakePetpooja();
  registerSandbox("petpooja", { baseUrl: fake.url, app: FAKE_PETPOOJA_APP_CREDENTIALS });
  a = await makeTenant(t.db);
  b = await makeTenant(t.db);
  const [s] = await t.db.insert(users).values({ email: `staff-${randomUUID()}@test.dev`, name: "Staff", passwordHash: "x" }).returning();
  await t.db.insert(memberships).values({ userId: s!.id, organizationId: a.org.id, role: "staff" });
  staff = callerFor(t.db, s!);
});
afterAll(async () => {
  await fake.close();
  await t.dispose();
});

const rowsOf = (restaurantId: string) => t.db.select().from(connections).where(eq(connections.restaurantId, restaurantId));

async function rejection(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError & { cause?: { details?: { fieldErrors?: Record<string, string[]> } } };
}
const fieldErrorsOf = (e: Awaited<ReturnType<typeof rejection>>) => e.cause?.details?.fieldErrors ?? {};

describe("integrations.providers", () => {
  it("describes the PetPooja form from its metadata (secrets vs restID) and none for OAuth Square", async () => {
    const list = await callerFor(t.db, a.user).integrations.providers();
    const pp = list.find((p) => p.id === "petpooja")!;
    expect(pp.connectFields?.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["app_key", "secret", false],
      ["app_secret", "secret", false],
      ["access_token", "secret", false],
      ["restID", "location", true],
    ]);
    expect(list.find((p) => p.id === "square")!.connectFields).toBeNull();
  });
});

describe("integrations.connectApiKey", () => {
  it.each([
    ["an empty restID", { ...good, restID: "" }, "restID"],
    ["no restID at all (blank inputs are not sent)", { app_key: good.app_key }, "restID"],
    ["a key with spaces", { ...good, app_key: "fake app key" }, "app_key"],
    ["an unknown field", { ...good, password: "x" }, "fields"],
    ["a restID PetPooja's config schema refuses (over 100 chars)", { ...good, restID: "r".repeat(101) }, "restID"],
  ])("%s → BAD_REQUEST with a field error, nothing stored", async (_name, fields, field) => {
    const e = await rejection(callerFor(t.db, a.user).integrations.connectApiKey({ restaurantId: a.restaurant.id, provider: "petpooja", fields }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(e))).toContain(field);
    expect(await rowsOf(a.restaurant.id)).toHaveLength(0);
  });

  it("an OAuth provider or an unknown one → BAD_REQUEST, nothing stored", async () => {
    for (const provider of ["square", "nope"]) {
      const e = await rejection(callerFor(t.db, a.user).integrations.connectApiKey({ restaurantId: a.restaurant.id, provider, fields: good }));
      expect(e.code).toBe("BAD_REQUEST");
    }
    expect(await rowsOf(a.restaurant.id)).toHaveLength(0);
  });

  it("staff may not connect (FORBIDDEN); another organization gets NOT_FOUND; nothing stored", async () => {
    expect((await rejection(staff.integrations.connectApiKey({ restaurantId: a.restaurant.id, provider: "petpooja", fields: good }))).code).toBe("FORBIDDEN");
    const stranger = callerFor(t.db, b.user);
    expect((await rejection(stranger.integrations.connectApiKey({ restaurantId: a.restaurant.id, provider: "petpooja", fields: good }))).code).toBe("NOT_FOUND");
    expect(await rowsOf(a.restaurant.id)).toHaveLength(0);
  });

  it("connects: the view has the restID as location and no secret; the keys are sealed in the vault", async () => {
    const owner = callerFor(t.db, a.user);
    const view = await owner.integrations.connectApiKey({ restaurantId: a.restaurant.id, provider: "petpooja", fields: { ...good, app_key: ` ${good.app_key} ` } });
    expect(view).toMatchObject({ provider: "petpooja", status: "active", externalLocationId: FAKE_PETPOOJA_REST_ID });
    const json = JSON.stringify([view, await owner.integrations.get({ restaurantId: a.restaurant.id }), await owner.integrations.providers()]);
    for (const s of SECRETS) expect(json).not.toContain(s);
    expect(json).not.toMatch(/ciphertext|credentials/i);
    const [row] = await rowsOf(a.restaurant.id);
    expect(row!.credentialsCiphertext).toBeTruthy();
    for (const s of SECRETS) expect(row!.credentialsCiphertext).not.toContain(s);
    expect(readCredentials(row!).extra).toEqual(FAKE_PETPOOJA_APP); // trimmed, by field name
    // The one-time webhook secret exists for the seller to reveal.
    expect((await owner.integrations.webhook({ restaurantId: a.restaurant.id })).canReveal).toBe(true);
  });

  it("another organization cannot see the connection", async () => {
    const stranger = callerFor(t.db, b.user);
    expect((await rejection(stranger.integrations.get({ restaurantId: a.restaurant.id }))).code).toBe("NOT_FOUND");
    expect(await stranger.integrations.get({ restaurantId: b.restaurant.id })).toBeNull();
  });
});

describe("integrations.checkApiKey", () => {
  it("runs PetPooja's health check with unsaved values: the fake's keys pass, a wrong key fails in words, nothing stored", async () => {
    const owner = callerFor(t.db, b.user);
    expect(await owner.integrations.checkApiKey({ restaurantId: b.restaurant.id, provider: "petpooja", fields: good })).toMatchObject({ ok: true });
    const bad = await owner.integrations.checkApiKey({ restaurantId: b.restaurant.id, provider: "petpooja", fields: { ...good, app_key: "wrong-key" } });
    expect(bad.ok).toBe(false);
    expect(bad.detail).toBeTruthy();
    expect(JSON.stringify(bad)).not.toContain(good.app_secret);
    expect(await rowsOf(b.restaurant.id)).toHaveLength(0);
  });
});
