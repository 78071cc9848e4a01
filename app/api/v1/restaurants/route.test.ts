import { eq } from "drizzle-orm";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getDbHandle, migrateConfiguredDb } from "~/db";
import type { Db } from "~/db/client";
import { apiKeys, restaurants } from "~/db/schema";
import { createApiKey, revokeApiKey } from "~/server/api-keys/manage";
import { restaurantsResponseSchema, successEnvelopeSchema } from "~/server/rest/schemas";
import { makeTenant, sessionFor } from "~/server/testing/factories";
import { GET } from "./route";

// Only session auth is stubbed (next-auth needs a Next request scope); API keys are real.
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("~/server/auth", () => ({ auth: async () => session.current }));

let db: Db;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let keyA: { id: string; plaintext: string };

beforeAll(async () => {
  await migrateConfiguredDb();
  db = await getDb();
  a = await makeTenant(db, { name: "Alpha" });
  b = await makeTenant(db, { name: "Bravo" });
  await db.insert(restaurants).values({ organizationId: a.org.id, name: "Alpha Two", currency: "INR", timezone: "Asia/Kolkata", address: "1 Road" });
  const created = await createApiKey(db, { organizationId: a.org.id, actorUserId: a.user.id, name: "Marketplace" });
  keyA = { id: created.key.id, plaintext: created.plaintext };
});
afterAll(async () => (await getDbHandle()).close());

const get = (headers: Record<string, string> = {}) => GET(new Request("http://localhost/api/v1/restaurants", { headers }));

describe("GET /api/v1/restaurants", () => {
  it("401 without any credentials", async () => {
    const res = await get();
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ success: false, data: null });
  });

  it("401 with a wrong key", async () => {
    const res = await get({ authorization: `Bearer ${keyA.plaintext.slice(0, -2)}zz` });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ success: false, data: null, message: "Invalid or revoked API key" });
  });

  it("200 with a valid key: only that organization's restaurants, in the envelope", async () => {
    const res = await get({ authorization: `Bearer ${keyA.plaintext}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(() => successEnvelopeSchema(restaurantsResponseSchema).parse(body)).not.toThrow();
    expect(body.success).toBe(true);
    expect(body.data.restaurants.map((r: { name: string }) => r.name)).toEqual([a.restaurant.name, "Alpha Two"]);
    expect(body.data.restaurants[1]).toEqual({
      id: expect.any(String),
      name: "Alpha Two",
      currency: "INR",
      timezone: "Asia/Kolkata",
      address: "1 Road",
      is_active: true,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(JSON.stringify(body)).not.toContain(b.restaurant.id);
    const row = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, keyA.id) });
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("a session works too, and a wrong key beside it is still 401", async () => {
    session.current = sessionFor(b.user);
    const res = await get();
    expect((await res.json()).data.restaurants.map((r: { id: string }) => r.id)).toEqual([b.restaurant.id]);
    expect((await get({ authorization: "Bearer sb_live_nope" })).status).toBe(401);
    session.current = null;
  });

  it("401 once the key is revoked", async () => {
    const { plaintext, key } = await createApiKey(db, { organizationId: a.org.id, actorUserId: a.user.id, name: "Short-lived" });
    expect((await get({ authorization: `Bearer ${plaintext}` })).status).toBe(200);
    await revokeApiKey(db, { organizationId: a.org.id, actorUserId: a.user.id, id: key.id });
    expect((await get({ authorization: `Bearer ${plaintext}` })).status).toBe(401);
  });
});
