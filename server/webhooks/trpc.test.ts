/**
 * The tRPC side: the seller's webhook card (URL, rotate: manager+ only, other tenants 404) and
 * the admin explorer (filters, redacted payload viewer, Reprocess for failed/unmatched only).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { memberships, users, webhookEvents } from "~/db/schema";
import { callerFor, makeAdmin, makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";

const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as { name: string; data: Record<string, unknown> }[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
});
afterAll(() => w.dispose());

async function staffUser() {
  const [u] = await w.t.db.insert(users).values({ email: `staff-${Date.now()}-${Math.random()}@test.dev`, name: "Staff", passwordHash: "x" }).returning();
  await w.t.db.insert(memberships).values({ userId: u!.id, organizationId: w.tenant.org.id, role: "staff" });
  return u!;
}

describe("integrations.webhook / rotateWebhookSecret", () => {
  it("an owner sees the URL and rotates; staff cannot rotate; another tenant gets 404", async () => {
    const owner = callerFor(w.t.db, w.tenant.user);
    const restaurantId = w.tenant.restaurant.id;
    expect(await owner.integrations.webhook({ restaurantId })).toMatchObject({ hasSecret: true, canReveal: true, signedByApp: true, url: expect.stringContaining(w.connection.id) });
    // The secret made at connect time is shown once, then never again.
    const staffCaller = callerFor(w.t.db, await staffUser());
    await expect(staffCaller.integrations.revealWebhookSecret({ restaurantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const shown = await owner.integrations.revealWebhookSecret({ restaurantId });
    expect(shown.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    await expect(owner.integrations.revealWebhookSecret({ restaurantId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await owner.integrations.webhook({ restaurantId })).toMatchObject({ canReveal: false });
    const rotated = await owner.integrations.rotateWebhookSecret({ restaurantId });
    expect(rotated.secret).toMatch(/^whsec_/);
    // The secret is never re-shown.
    expect(JSON.stringify(await owner.integrations.webhook({ restaurantId }))).not.toContain(rotated.secret);
    await expect(owner.integrations.revealWebhookSecret({ restaurantId })).rejects.toMatchObject({ code: "CONFLICT" });

    const staff = callerFor(w.t.db, await staffUser());
    await expect(staff.integrations.rotateWebhookSecret({ restaurantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await makeTenant(w.t.db);
    await expect(callerFor(w.t.db, other.user).integrations.rotateWebhookSecret({ restaurantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin webhook explorer", () => {
  it("filters, shows a redacted payload, and reprocesses only failed/unmatched verified events", async () => {
    const admin = callerFor(w.t.db, await makeAdmin(w.t.db));
    const old = new Date(Date.now() - 3 * 86_400_000);
    const [failed] = await w.t.db
      .insert(webhookEvents)
      .values({ provider: "square", connectionId: w.connection.id, signatureValid: true, status: "failed", rawBody: JSON.stringify({ event_id: "e1", card: "4111", data: { access_token: "tok" } }), headers: { "x-square-hmacsha256-signature": "[redacted]" } })
      .returning();
    const [rejected] = await w.t.db.insert(webhookEvents).values({ provider: "square", signatureValid: false, status: "rejected", rawBody: "x", receivedAt: old }).returning();

    const failedOnly = await admin.admin.webhookEvents({ status: "failed" });
    expect(failedOnly.map((e) => e.id)).toEqual([failed!.id]);
    const recent = await admin.admin.webhookEvents({ provider: "square", from: new Date(Date.now() - 86_400_000) });
    expect(recent.map((e) => e.id)).not.toContain(rejected!.id);
    expect((await admin.admin.webhookEvents({ to: new Date(Date.now() - 2 * 86_400_000) })).map((e) => e.id)).toEqual([rejected!.id]);

    const detail = await admin.admin.webhookEvent({ id: failed!.id });
    expect(detail.payload).toEqual({ event_id: "e1", card: "[redacted]", data: { access_token: "[redacted]" } });
    expect(JSON.stringify(detail)).not.toContain("tok\"");

    await expect(admin.admin.reprocessWebhook({ id: rejected!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await admin.admin.reprocessWebhook({ id: failed!.id })).toEqual({ dispatched: true });
    expect(h.dispatched).toContainEqual({ name: "switchboard/webhook.received", data: { webhookEventId: failed!.id, provider: "square", connectionId: w.connection.id } });

    const seller = callerFor(w.t.db, w.tenant.user);
    await expect(seller.admin.webhookEvents({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
