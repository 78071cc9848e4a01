import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, orders, providerSettings, syncJobs } from "~/db/schema";
import { createApiKey, revokeApiKey } from "~/server/api-keys/manage";
import { disconnect, saveConnection, updateConnectionSettings } from "~/server/connections/manage";
import { loadProviderLayers } from "~/server/integrations/provider-config";
import { requestManualSync } from "~/server/sync/request-sync";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { callerFor, makeAdmin, makeTenant } from "~/server/testing/factories";
import { rotateRestaurantWebhookSecret } from "~/server/webhooks/manage";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

let t: TestDb;
let seller: Awaited<ReturnType<typeof makeTenant>>;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));

beforeAll(async () => {
  t = await createTestDb();
  seller = await makeTenant(t.db);
  admin = await makeAdmin(t.db);
});
afterAll(() => t.dispose());

describe("issue 6 admin procedures: access", () => {
  const calls = {
    metrics: (c: ReturnType<typeof callerFor>) => c.admin.metrics({ range: "7d" }),
    providerSettings: (c: ReturnType<typeof callerFor>) => c.admin.providerSettings(),
    updateProviderSettings: (c: ReturnType<typeof callerFor>) => c.admin.updateProviderSettings({ provider: "square", enabled: true }),
    auditSearch: (c: ReturnType<typeof callerFor>) => c.admin.auditSearch({}),
    auditFacets: (c: ReturnType<typeof callerFor>) => c.admin.auditFacets(),
  };
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: a seller is FORBIDDEN, anonymous UNAUTHORIZED, an admin OK`, async () => {
      expect(await codeOf(call(callerFor(t.db, seller.user)))).toBe("FORBIDDEN");
      expect(await codeOf(call(callerFor(t.db, null)))).toBe("UNAUTHORIZED");
      expect(await codeOf(call(callerFor(t.db, admin)))).toBe("OK");
    });
  }

  it("bad ranges and filters are BAD_REQUEST", async () => {
    const c = callerFor(t.db, admin);
    expect(await codeOf(c.admin.metrics({ range: "1y" as never }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.admin.auditSearch({ from: new Date("2026-02-01"), to: new Date("2026-01-01") }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.admin.auditSearch({ organizationId: "nope" }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.admin.auditSearch({ limit: 1000 }))).toBe("BAD_REQUEST");
  });
});

describe("provider settings", () => {
  it("invalid config is rejected with a clear error and nothing is stored", async () => {
    const c = callerFor(t.db, admin);
    const err = await c.admin.updateProviderSettings({ provider: "petpooja", globalConfig: { no_such_setting: 1 } }).catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((err as TRPCError).message).toMatch(/Invalid PetPooja configuration: .*no_such_setting/i);
    const bad = await c.admin.updateProviderSettings({ provider: "petpooja", credentials: { nope: "x" } }).catch((e: unknown) => e);
    expect((bad as TRPCError).message).toMatch(/no credential field nope/);
    expect(await codeOf(c.admin.updateProviderSettings({ provider: "unknown-pos", enabled: false }))).toBe("NOT_FOUND");
    expect(await t.db.select().from(providerSettings).where(eq(providerSettings.provider, "petpooja"))).toEqual([]);
  });

  it("credentials are sealed, never returned, shown as 'set • last 4'; the change is audited without secrets", async () => {
    const c = callerFor(t.db, admin);
    const secret = "app-secret-value-9876";
    const view = await c.admin.updateProviderSettings({ provider: "petpooja", enabled: false, credentials: { app_key: "key-1", app_secret: secret }, globalConfig: { device_type: "WebClient" } });
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(JSON.stringify(view)).not.toContain("key-1");
    expect(view.credentialFields).toEqual(expect.arrayContaining([{ field: "app_secret", status: "set • 9876" }, { field: "app_key", status: "configured" }, { field: "access_token", status: null }]));
    expect(view).toMatchObject({ enabled: false, globalConfig: { device_type: "WebClient" } });
    const [row] = await t.db.select().from(providerSettings).where(eq(providerSettings.provider, "petpooja"));
    expect(row!.credentialsCiphertext).not.toContain(secret);
    expect((await loadProviderLayers(t.db, "petpooja")).platformCredentials).toEqual({ app_key: "key-1", app_secret: secret });
    // A later edit keeps the other fields and can clear one.
    await c.admin.updateProviderSettings({ provider: "petpooja", clearCredentials: ["app_key"], globalConfig: { device_type: "Other" } });
    expect((await loadProviderLayers(t.db, "petpooja")).platformCredentials).toEqual({ app_secret: secret });
    const list = JSON.stringify(await c.admin.providerSettings());
    expect(list).not.toContain(secret);
    const audits = (await t.db.select().from(auditLog).where(eq(auditLog.action, "provider_settings.updated"))).filter((a) => a.targetId === "petpooja");
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain(secret);
    expect(audits.map((a) => a.metadata)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ enabled: { from: true, to: false }, credentialsSet: ["app_key", "app_secret"], globalConfig: { device_type: { from: null, to: "WebClient" } } }),
        expect.objectContaining({ credentialsCleared: ["app_key"], globalConfig: { device_type: { from: "WebClient", to: "Other" } } }),
      ]),
    );
  });
});

describe("audit log", () => {
  it("records every changing action, and the page filters and paginates them", async () => {
    const actor = { organizationId: seller.org.id, userId: seller.user.id };
    const conn = await saveConnection(t.db, actor, { restaurantId: seller.restaurant.id, provider: "square", credentials: { accessToken: "tok-secret-1" }, locationId: "L1" });
    await updateConnectionSettings(t.db, actor, seller.restaurant.id, { autoSyncOrders: false, locationId: "L1" });
    await rotateRestaurantWebhookSecret(t.db, actor, seller.restaurant.id);
    const { key } = await createApiKey(t.db, { organizationId: seller.org.id, actorUserId: seller.user.id, name: "k" });
    await revokeApiKey(t.db, { organizationId: seller.org.id, actorUserId: seller.user.id, id: key.id });
    const [o] = await t.db.insert(orders).values({ organizationId: seller.org.id, restaurantId: seller.restaurant.id, externalId: "a1", type: "pickup", currency: "USD", subtotalAmount: 1, totalAmount: 1, customerName: "C" }).returning();
    await t.db.insert(syncJobs).values({ organizationId: seller.org.id, restaurantId: seller.restaurant.id, orderId: o!.id, provider: "square", status: "failed", idempotencyKey: "ik-a1", maxRetries: 12 });
    await requestManualSync(t.db, seller.org.id, o!.id, { userId: seller.user.id });
    await disconnect(t.db, actor, seller.restaurant.id);

    const rows = await t.db.select().from(auditLog).where(eq(auditLog.organizationId, seller.org.id));
    const actions = rows.map((r) => r.action);
    for (const a of ["connection.created", "connection.settings_changed", "webhook_secret.rotated", "api_key.created", "api_key.revoked", "sync.manual_retry", "connection.disconnected"]) {
      expect(actions, a).toContain(a);
    }
    expect(JSON.stringify(rows)).not.toContain("tok-secret-1");
    const settings = rows.find((r) => r.action === "connection.settings_changed")!;
    expect(settings.metadata.changes).toEqual({ autoSyncOrders: { from: true, to: false } });
    expect(rows.find((r) => r.action === "sync.manual_retry")).toMatchObject({ actorUserId: seller.user.id, targetId: o!.id, metadata: { fromStatus: "failed" } });

    const c = callerFor(t.db, admin);
    const byAction = await c.admin.auditSearch({ action: "api_key." });
    expect(byAction.entries.map((e) => e.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
    expect((await c.admin.auditSearch({ action: "connection.disconnected" })).entries).toHaveLength(1);
    const byActor = await c.admin.auditSearch({ actor: seller.user.email.slice(0, 8).toUpperCase(), organizationId: seller.org.id });
    expect(byActor.entries.length).toBeGreaterThanOrEqual(7);
    expect((await c.admin.auditSearch({ targetId: conn.id })).entries.every((e) => e.targetId === conn.id)).toBe(true);
    expect((await c.admin.auditSearch({ q: "autoSyncOrders" })).entries.map((e) => e.action)).toEqual(["connection.settings_changed"]);
    expect((await c.admin.auditSearch({ from: new Date(Date.now() + 60_000) })).entries).toEqual([]);
    expect((await c.admin.auditFacets()).actions).toContain("sync.manual_retry");

    const seen = new Set<string>();
    let cursor: { createdAt: Date; id: string } | undefined;
    do {
      const page = await c.admin.auditSearch({ limit: 2, organizationId: seller.org.id, cursor });
      page.entries.forEach((e) => seen.add(e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(rows.length);
  });
});
