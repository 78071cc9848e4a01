import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections, menuItems, menuSyncRuns, webhookEvents } from "~/db/schema";
import { saveConnection } from "~/server/connections/manage";
import { AppError } from "~/server/errors";
import { InlineDriver } from "~/server/jobs/inline-driver";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { processWebhookEvent } from "~/server/webhooks/process";
import { nightlyMenuSyncTargets, runNightlyMenuSync } from "./nightly";
import { requestMenuSync } from "./request";
import { runMenuSync } from "./run-sync";
import { getMenuSyncRun, listMenuSyncRuns } from "./runs";

const dispatched = vi.hoisted(() => [] as Array<{ name: string; data: Record<string, unknown> }>);
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(dispatched));
// A short window so the in-process debounce can be watched in real time.
vi.mock("./settings", () => ({ menuSyncDebounceMs: () => 150, menuSyncDebounceSeconds: () => 1, MENU_SYNC_DEBOUNCE_MAX_WAIT_SECONDS: 600 }));

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeEach(async () => {
  dispatched.length = 0;
  w = await squareWorld();
});
afterEach(() => w.dispose());

const runs = () => w.t.db.select().from(menuSyncRuns);
const actor = () => ({ organizationId: w.tenant.org.id, restaurantId: w.tenant.restaurant.id });

describe("menu sync triggers", () => {
  it("connecting a POS asks for the initial sync", () => {
    expect(dispatched).toContainEqual({
      name: "switchboard/menu.sync-requested",
      data: { connectionId: w.connection.id, provider: "square", trigger: "initial", runId: null },
    });
  });

  it("Sync now opens a run, dispatches it, and the job completes that same run", async () => {
    dispatched.length = 0;
    const req = await requestMenuSync(w.t.db, { ...actor(), trigger: "manual" });
    expect(req).toMatchObject({ connectionId: w.connection.id, alreadyRunning: false, run: { status: "running", trigger: "manual" } });
    expect(dispatched).toEqual([{ name: "switchboard/menu.sync-requested", data: { connectionId: w.connection.id, provider: "square", trigger: "manual", runId: req.runId } }]);
    // A second click while it runs returns the same run, and dispatches nothing.
    expect(await requestMenuSync(w.t.db, { ...actor(), trigger: "manual" })).toMatchObject({ runId: req.runId, alreadyRunning: true });
    expect(dispatched).toHaveLength(1);

    const data = dispatched[0]!.data as { connectionId: string; runId: string };
    await runMenuSync(w.t.db, { connectionId: data.connectionId, trigger: "manual", runId: data.runId });
    expect(await getMenuSyncRun(w.t.db, w.tenant.restaurant.id, req.runId)).toMatchObject({ status: "success", itemsSynced: 150, fetchedCount: expect.any(Number) });
    expect((await listMenuSyncRuns(w.t.db, w.tenant.restaurant.id, { limit: 10 })).map((r) => r.id)).toEqual([req.runId]);
  });

  it("keeps runs inside their tenant and refuses a connection that needs reauth", async () => {
    const other = await makeTenant(w.t.db);
    const req = await requestMenuSync(w.t.db, { ...actor(), trigger: "manual" });
    expect(await getMenuSyncRun(w.t.db, other.restaurant.id, req.runId)).toBeNull();
    await expect(requestMenuSync(w.t.db, { organizationId: other.org.id, restaurantId: w.tenant.restaurant.id, trigger: "manual" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requestMenuSync(w.t.db, { organizationId: other.org.id, restaurantId: other.restaurant.id, trigger: "manual" })).rejects.toBeInstanceOf(AppError);
    await w.t.db.update(connections).set({ status: "needs_reauth" }).where(eq(connections.id, w.connection.id));
    await w.t.db.update(menuSyncRuns).set({ status: "failed" }).where(eq(menuSyncRuns.connectionId, w.connection.id));
    await expect(requestMenuSync(w.t.db, { ...actor(), trigger: "manual" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a menu webhook becomes a debounced sync request, processed as handled", async () => {
    dispatched.length = 0;
    const body = JSON.stringify({ merchant_id: w.connection.externalMerchantId, type: "catalog.version.updated", event_id: "evt-menu-1", created_at: new Date().toISOString(), data: { type: "catalog_version", id: "", object: { catalog_version: { updated_at: new Date().toISOString() } } } });
    const [ev] = await w.t.db.insert(webhookEvents).values({ provider: "square", connectionId: w.connection.id, signatureValid: true, rawBody: body, nextAttemptAt: new Date() }).returning();
    expect(await processWebhookEvent(w.t.db, ev!.id)).toMatchObject({ status: "processed" });
    expect(dispatched).toEqual([{ name: "switchboard/menu.changed", data: { connectionId: w.connection.id, provider: "square", webhookEventId: ev!.id } }]);
  });

  it("the in-process driver collapses a burst of menu webhooks into one sync", async () => {
    const driver = new InlineDriver(w.t.db);
    for (let i = 0; i < 5; i++) {
      driver.dispatch({ name: "switchboard/menu.changed", data: { connectionId: w.connection.id, provider: "square", webhookEventId: null } });
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await runs()).toHaveLength(0);
    await vi.waitFor(async () => expect((await runs()).filter((r) => r.status !== "running")).toHaveLength(1), { timeout: 20_000, interval: 100 });
    await driver.stop();
    expect((await runs()).map((r) => [r.trigger, r.status])).toEqual([["webhook", "success"]]);
  });

  it("nightly: every active connection that can read its menu, one broken restaurant isolated", async () => {
    const broken = await makeTenant(w.t.db);
    const conn = await saveConnection(
      w.t.db,
      { organizationId: broken.org.id, userId: broken.user.id },
      { restaurantId: broken.restaurant.id, provider: "square", credentials: { accessToken: "revoked-token" }, locationId: "LFAKEMAINST0001" },
    );
    expect((await nightlyMenuSyncTargets(w.t.db)).map((t) => t.connectionId).sort()).toEqual([w.connection.id, conn.id].sort());
    // The broken one is synced first: it must not stop the healthy one.
    await w.t.db.update(connections).set({ createdAt: new Date(0) }).where(eq(connections.id, conn.id));
    expect(await runNightlyMenuSync(w.t.db)).toEqual({ connections: 2, succeeded: 1, failed: 1, skipped: 0 });
    const all = await runs();
    expect(all.find((r) => r.connectionId === conn.id)).toMatchObject({ trigger: "nightly", status: "failed", errorCode: "needs_reauth" });
    expect(all.find((r) => r.connectionId === w.connection.id)).toMatchObject({ trigger: "nightly", status: "success" });
    expect(await w.t.db.select().from(menuItems).where(eq(menuItems.connectionId, w.connection.id))).toHaveLength(150);

    // A sync that throws is isolated too.
    const summary = await runNightlyMenuSync(w.t.db, async (id) => {
      if (id === w.connection.id) throw new Error("boom");
      return { status: "skipped", reason: "unsupported" };
    });
    expect(summary).toEqual({ connections: 1, succeeded: 0, failed: 1, skipped: 0 });
  });
});
