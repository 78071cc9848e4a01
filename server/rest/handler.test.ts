import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb, getDbHandle, migrateConfiguredDb } from "~/db";
import type { Db } from "~/db/client";
import { memberships } from "~/db/schema";
import { createApiKey } from "~/server/api-keys/manage";
import { AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import { makeAdmin, makeTenant, sessionFor } from "~/server/testing/factories";
import { apiRoute } from "./handler";
import { createOrderBodySchema } from "./schemas";

// Session auth comes from next-auth, which needs a Next request scope: stand in for it.
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("~/server/auth", () => ({ auth: async () => session.current }));

let db: Db;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let keyA: string;

beforeAll(async () => {
  await migrateConfiguredDb();
  db = await getDb();
  a = await makeTenant(db);
  b = await makeTenant(db);
  keyA = (await createApiKey(db, { organizationId: a.org.id, actorUserId: a.user.id, name: "test" })).plaintext;
});
afterAll(async () => (await getDbHandle()).close());

const URL_BASE = "http://localhost/api/v1/test";
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request(URL_BASE, { method: "POST", body, headers: { "content-type": "application/json", ...bearer(keyA), ...headers } });

const whoAmI = apiRoute({ auth: "required" }, ({ caller }) => caller);

describe("authentication", () => {
  it("401 without credentials, with the Bearer challenge and the envelope", async () => {
    session.current = null;
    const res = await whoAmI(new Request(URL_BASE));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ success: false, data: null, message: expect.stringContaining("Authentication required") });
  });

  it("a valid API key acts for its organization", async () => {
    const res = await whoAmI(new Request(URL_BASE, { headers: bearer(keyA) }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      data: { organizationId: a.org.id, kind: "api_key", apiKeyId: expect.any(String) },
      message: null,
    });
  });

  it("a wrong key or a non-Bearer header is 401 and never falls back to the session", async () => {
    session.current = sessionFor(a.user);
    for (const header of ["Bearer sb_live_" + "x".repeat(43), "Basic dXNlcjpwYXNz", "Bearer", keyA]) {
      const res = await whoAmI(new Request(URL_BASE, { headers: { authorization: header } }));
      expect(res.status, header).toBe(401);
    }
    session.current = null;
  });

  it("a session acts for the member's organization, honouring the sb_org cookie", async () => {
    await db.insert(memberships).values({ userId: a.user.id, organizationId: b.org.id, role: "staff" });
    session.current = sessionFor(a.user);
    const own = await (await whoAmI(new Request(URL_BASE))).json();
    expect(own.data).toEqual({ organizationId: a.org.id, kind: "user", userId: a.user.id, role: "owner" });
    const picked = await (await whoAmI(new Request(URL_BASE, { headers: { cookie: `x=1; sb_org=${b.org.id}` } }))).json();
    expect(picked.data).toMatchObject({ organizationId: b.org.id, role: "staff" });
    session.current = null;
  });

  it("a signed-in user without an organization is 403", async () => {
    session.current = sessionFor(await makeAdmin(db));
    expect((await whoAmI(new Request(URL_BASE))).status).toBe(403);
    session.current = null;
  });

  it("auth: none runs without credentials", async () => {
    const open = apiRoute({ auth: "none" }, ({ caller }) => ({ caller }));
    expect(await (await open(new Request(URL_BASE))).json()).toEqual({ success: true, data: { caller: null }, message: null });
  });
});

describe("validation", () => {
  const route = apiRoute(
    {
      auth: "required",
      params: z.object({ id: z.uuid() }),
      query: z.object({ limit: z.coerce.number().int().max(10).default(5) }),
      body: createOrderBodySchema,
    },
    ({ params, query, body }) => ({ id: params.id, limit: query.limit, currency: body.currency }),
  );
  const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
  const order = {
    restaurant_id: "7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90",
    external_id: "X-1",
    currency: "inr",
    customer: { name: "Asha" },
    type: "pickup",
    items: [{ name: "Naan", quantity: 1, unit_price: 100 }],
  };

  it("passes parsed, coerced and defaulted inputs to the handler", async () => {
    const res = await route(post(JSON.stringify(order)), ctx("7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90"));
    expect(await res.json()).toMatchObject({ success: true, data: { limit: 5, currency: "INR" } });
  });

  it("collects field errors from params, query and body into one 400", async () => {
    const body = { ...order, type: "delivery", items: [{ name: "Naan", quantity: 0, unit_price: 1.5 }] };
    const req = new Request(`${URL_BASE}?limit=99`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...bearer(keyA) },
    });
    const res = await route(req, ctx("nope"));
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({ success: false, data: null, message: "Validation failed" });
    expect(Object.keys(json.errors).sort()).toEqual(["id", "items.0.quantity", "items.0.unit_price", "limit"]);
  });

  it("requires a delivery address for delivery orders", async () => {
    const res = await route(post(JSON.stringify({ ...order, type: "delivery" })), ctx("7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90"));
    expect((await res.json()).errors).toEqual({ delivery_address: ["A delivery order needs a delivery_address"] });
  });

  it("a body that is not an object is filed under 'body'", async () => {
    const res = await route(post("[1,2]"), ctx("7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90"));
    expect((await res.json()).errors).toHaveProperty("body");
  });

  it("invalid JSON is 400, a non-JSON content type 415", async () => {
    const bad = await route(post("{oops"), ctx("7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ success: false, data: null, message: "Invalid JSON body" });
    const form = await route(post("a=1", { "content-type": "application/x-www-form-urlencoded" }), ctx("7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90"));
    expect(form.status).toBe(415);
  });

  it("authenticates before it validates, so strangers learn nothing about inputs", async () => {
    const res = await route(post("{oops", { authorization: "Bearer wrong" }), ctx("nope"));
    expect(res.status).toBe(401);
  });
});

describe("errors", () => {
  it("maps AppError through the error table, passing the message and field errors", async () => {
    const notFound = apiRoute({ auth: "none" }, () => {
      throw new AppError("NOT_FOUND", "Restaurant not found");
    });
    const res = await notFound(new Request(URL_BASE));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ success: false, data: null, message: "Restaurant not found" });

    const conflict = apiRoute({ auth: "none" }, () => {
      throw new AppError("BAD_REQUEST", "Unknown dish", { details: { fieldErrors: { "items.0.dish_id": ["Unknown dish"] } } });
    });
    expect(await (await conflict(new Request(URL_BASE))).json()).toMatchObject({ errors: { "items.0.dish_id": ["Unknown dish"] } });

    const limited = apiRoute({ auth: "none" }, () => {
      throw new AppError("RATE_LIMITED", "Slow down", { retryAfterMs: 2500 });
    });
    const slow = await limited(new Request(URL_BASE));
    expect([slow.status, slow.headers.get("retry-after")]).toEqual([429, "3"]);
  });

  it("unknown errors are a bare 500, logged, never echoed", async () => {
    const spy = vi.spyOn(logger, "error").mockImplementation(() => {});
    const boom = apiRoute({ auth: "none" }, () => {
      throw new Error("connection to 10.0.0.5 refused: password=hunter2");
    });
    const res = await boom(new Request(URL_BASE, { method: "POST" }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ success: false, data: null, message: "Internal error" });
    expect(text).not.toContain("hunter2");
    expect(spy).toHaveBeenCalledWith("rest.unhandled_error", expect.objectContaining({ method: "POST", path: "/api/v1/test" }));
    spy.mockRestore();
  });

  it("a returned Response passes through untouched", async () => {
    const created = apiRoute({ auth: "none" }, () => Response.json({ raw: true }, { status: 201 }));
    const res = await created(new Request(URL_BASE));
    expect([res.status, await res.json()]).toEqual([201, { raw: true }]);
  });
});
