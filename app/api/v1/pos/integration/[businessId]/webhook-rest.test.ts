/**
 * Seed 002 REST: rotate-secret and health through the real route handlers with real API keys,
 * including tenant isolation (another organization's restaurant is a 404, never a 403).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { syncJobs, webhookEvents } from "~/db/schema";
import { createApiKey } from "~/server/api-keys/manage";
import { integrationHealthResponseSchema, rotateSecretResponseSchema } from "~/server/rest/webhook-schemas";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { validWebhookSecrets } from "~/server/webhooks/secrets";
import { GET as healthGET } from "./health/route";
import { POST as rotatePOST } from "./rotate-secret/route";

const h = vi.hoisted(() => ({ db: null as unknown as Db }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());
vi.mock("~/server/auth", () => ({ auth: async () => null }));

let w: Awaited<ReturnType<typeof squareWorld>>;
let keyA: string;
let keyB: string;
let unconnected: Awaited<ReturnType<typeof makeTenant>>;
let keyC: string;

beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
  const b = await makeTenant(w.t.db, { name: "Bravo" });
  unconnected = await makeTenant(w.t.db, { name: "Charlie" });
  keyA = (await createApiKey(w.t.db, { organizationId: w.tenant.org.id, actorUserId: w.tenant.user.id, name: "A" })).plaintext;
  keyB = (await createApiKey(w.t.db, { organizationId: b.org.id, actorUserId: b.user.id, name: "B" })).plaintext;
  keyC = (await createApiKey(w.t.db, { organizationId: unconnected.org.id, actorUserId: unconnected.user.id, name: "C" })).plaintext;
});
afterAll(() => w.dispose());

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, method: "GET" | "POST", businessId: string, suffix: string, key: string | null) {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const res = await handler(new Request(`http://localhost/api/v1/pos/integration/${businessId}/${suffix}`, { method, headers }), {
    params: Promise.resolve({ businessId }),
  });
  return { status: res.status, json: (await res.json()) as { success: boolean; data: unknown; message: string | null } };
}
const rotate = (id: string, key: string | null = keyA) => call(rotatePOST as Handler, "POST", id, "rotate-secret", key);
const health = (id: string, key: string | null = keyA) => call(healthGET as Handler, "GET", id, "health", key);

describe("POST /api/v1/pos/integration/:businessId/rotate-secret", () => {
  it("returns a new secret once and keeps the old one valid for the grace window", async () => {
    const before = await validWebhookSecrets(w.t.db, w.connection.id);
    const res = await rotate(w.tenant.restaurant.id);
    expect(res.status).toBe(200);
    const data = rotateSecretResponseSchema.parse(res.json.data);
    expect(data.webhook_url).toContain(`/api/webhooks/square/order-status/${w.connection.id}`);
    expect(new Date(data.previous_secret_valid_until!).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await validWebhookSecrets(w.t.db, w.connection.id)).toEqual([data.webhook_secret, ...before]);
  });

  it("another organization's restaurant is 404; no key is 401; no connection is 404", async () => {
    expect((await rotate(w.tenant.restaurant.id, keyB)).status).toBe(404);
    expect((await rotate(w.tenant.restaurant.id, null)).status).toBe(401);
    expect((await rotate(unconnected.restaurant.id, keyC)).status).toBe(404);
    expect((await rotate("not-a-uuid")).status).toBe(400);
  });
});

describe("GET /api/v1/pos/integration/:businessId/health", () => {
  it("reports status, pos_type, last_sync, webhook_status and recent errors", async () => {
    let res = await health(w.tenant.restaurant.id);
    expect(res.status).toBe(200);
    expect(integrationHealthResponseSchema.parse(res.json.data)).toEqual({
      status: "healthy",
      pos_type: "square",
      last_sync: null,
      webhook_status: "idle",
      recent_errors: [],
    });
    const { order } = await w.order();
    await w.t.db.insert(webhookEvents).values({ provider: "square", connectionId: w.connection.id, signatureValid: true, rawBody: "{}", status: "failed", errorMessage: "POS timed out" });
    await w.t.db.update(syncJobs).set({ status: "retry", lastErrorMessage: "Connection timeout" }).where(eq(syncJobs.orderId, order.id));
    res = await health(w.tenant.restaurant.id);
    const data = integrationHealthResponseSchema.parse(res.json.data);
    expect(data.webhook_status).toBe("failing");
    expect(data.recent_errors.map((e) => [e.source, e.message]).sort()).toEqual([
      ["sync", "Connection timeout"],
      ["webhook", "POS timed out"],
    ]);
    expect(order.id).toBeTruthy();
  });

  it("is tenant-isolated: another organization's restaurant is 404", async () => {
    const res = await health(w.tenant.restaurant.id, keyB);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.json)).not.toContain("square");
    expect((await health(unconnected.restaurant.id, keyC)).status).toBe(404);
  });
});
