/**
 * The webhook call store's group commit: calls that arrive together share one INSERT, each
 * learns its own outcome (id or dedupe hit), and a bad row fails only its own call.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookEvents } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { saveConnection } from "~/server/connections/manage";
import { storeCall } from "./store";

let t: TestDb;
let connectionId: string;
beforeAll(async () => {
  t = await createTestDb();
  const tenant = await makeTenant(t.db);
  const conn = await saveConnection(t.db, { organizationId: tenant.org.id, userId: tenant.user.id }, {
    restaurantId: tenant.restaurant.id,
    provider: "petpooja",
    credentials: { accessToken: "x" },
    locationId: "store-test",
  });
  connectionId = conn.id;
});
afterAll(() => t.dispose());

const req = () => new Request("http://x/api/webhooks/petpooja", { method: "POST", headers: { "x-petpooja-signature": "sha256=abc", "user-agent": "PetPooja" } });
const call = (over: Partial<Omit<Parameters<typeof storeCall>[2], "dedupeKey">> = {}) => ({
  provider: "petpooja",
  connectionId,
  eventType: "status",
  signatureValid: true,
  rawBody: `{"orderID":"${randomUUID()}"}`,
  status: "received" as const,
  ...over,
  dedupeKey: `petpooja:${randomUUID()}`,
});

describe("storeCall", () => {
  it("writes calls that arrive together in one statement, each committed before it resolves", async () => {
    const execute = vi.spyOn(t.db, "execute");
    const calls = Array.from({ length: 25 }, (_, i) => call({ externalEventId: `evt-${i}`, nextAttemptAt: new Date("2026-11-22T10:00:00Z") }));
    const ids = await Promise.all(calls.map((c) => storeCall(t.db, req(), c)));
    // One statement starts at once; everything that arrived meanwhile goes in the next.
    expect(execute.mock.calls.length).toBeLessThanOrEqual(2);
    execute.mockRestore();
    expect(new Set(ids).size).toBe(25);
    for (const [i, id] of ids.entries()) {
      const [row] = await t.db.select().from(webhookEvents).where(eq(webhookEvents.id, id!));
      expect(row).toMatchObject({ provider: "petpooja", connectionId, externalEventId: `evt-${i}`, status: "received", signatureValid: true, rawBody: calls[i]!.rawBody });
      expect(row!.nextAttemptAt?.toISOString()).toBe("2026-11-22T10:00:00.000Z");
      expect(row!.headers).toEqual({ "x-petpooja-signature": "[redacted]", "user-agent": "PetPooja" });
    }
  });

  it("answers a dedupe hit with null, also against a twin in the same batch", async () => {
    const first = call();
    expect(await storeCall(t.db, req(), first)).toBeTruthy();
    const replay = await storeCall(t.db, req(), { ...first, rawBody: "replayed" });
    expect(replay).toBeNull();

    const twin = call();
    const [a, b] = await Promise.all([storeCall(t.db, req(), twin), storeCall(t.db, req(), twin)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await t.db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, twin.dedupeKey))).toHaveLength(1);
  });

  it("stores rejected calls without a dedupe key, as many times as they come", async () => {
    const rejected = { provider: "petpooja", connectionId: null, signatureValid: false, verificationError: "invalid_signature", rawBody: "same", status: "rejected" as const };
    const ids = await Promise.all([storeCall(t.db, req(), rejected), storeCall(t.db, req(), rejected)]);
    expect(ids.every(Boolean)).toBe(true);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("fails only the call whose row the database refuses, not the ones sharing its statement", async () => {
    const good = [call(), call(), call()];
    const bad = call({ connectionId: randomUUID() }); // no such connection: foreign key violation
    const results = await Promise.allSettled([storeCall(t.db, req(), good[0]!), storeCall(t.db, req(), bad), storeCall(t.db, req(), good[1]!), storeCall(t.db, req(), good[2]!)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    for (const g of good) expect(await t.db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, g.dedupeKey))).toHaveLength(1);
    expect(await t.db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, bad.dedupeKey))).toHaveLength(0);
  });
});
