import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getDbHandle, migrateConfiguredDb } from "~/db";
import type { Db } from "~/db/client";
import { createApiKey } from "~/server/api-keys/manage";
import { saveConnection } from "~/server/connections/manage";
import { successEnvelopeSchema } from "~/server/rest/schemas";
import { menuSyncResponseSchema } from "~/server/rest/resources/menu-sync-run";
import { makeTenant } from "~/server/testing/factories";
import { POST } from "./route";

vi.mock("~/server/auth", () => ({ auth: async () => null }));
const dispatched = vi.hoisted(() => [] as Array<{ name: string; data: Record<string, unknown> }>);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));

let db: Db;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let key: string;

beforeAll(async () => {
  await migrateConfiguredDb();
  db = await getDb();
  a = await makeTenant(db);
  b = await makeTenant(db);
  await saveConnection(db, { organizationId: a.org.id, userId: a.user.id }, { restaurantId: a.restaurant.id, provider: "square", credentials: { accessToken: "t" }, locationId: "L1" });
  key = (await createApiKey(db, { organizationId: a.org.id, actorUserId: a.user.id, name: "Marketplace" })).plaintext;
  dispatched.length = 0;
});
afterAll(async () => (await getDbHandle()).close());

const post = (restaurantId: string, auth = true) =>
  POST(new Request(`http://localhost/api/v1/restaurants/${restaurantId}/menu/sync`, { method: "POST", headers: auth ? { authorization: `Bearer ${key}` } : {} }), {
    params: Promise.resolve({ restaurantId }),
  });

describe("POST /api/v1/restaurants/:restaurantId/menu/sync", () => {
  it("401 without an API key", async () => {
    expect((await post(a.restaurant.id, false)).status).toBe(401);
  });

  it("queues a sync and returns the run; a second call returns the same run", async () => {
    const res = await post(a.restaurant.id);
    expect(res.status).toBe(200);
    const body = successEnvelopeSchema(menuSyncResponseSchema).parse(await res.json());
    expect(body.data).toMatchObject({ already_running: false, sync_run: { status: "running", trigger: "manual", type: "full" } });
    expect(dispatched).toEqual([{ name: "switchboard/menu.sync-requested", data: expect.objectContaining({ runId: body.data.sync_run.id, trigger: "manual" }) }]);
    const again = successEnvelopeSchema(menuSyncResponseSchema).parse(await (await post(a.restaurant.id)).json());
    expect(again.data).toMatchObject({ already_running: true, sync_run: { id: body.data.sync_run.id } });
  });

  it("404 for a restaurant of another organization, and for one without a POS", async () => {
    expect((await post(b.restaurant.id)).status).toBe(404);
  });
});
