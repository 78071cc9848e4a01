/**
 * Per-restaurant secrets (seed 002) through the real route: the connection-secret scheme is
 * exercised with Square's HMAC (URL + body) by giving Square the default per-restaurant
 * profile here, as a provider like PetPooja has.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { webhookEvents, webhookSecrets } from "~/db/schema";
import { SQUARE_SIGNATURE_HEADER, squareSignature } from "~/server/integrations/square/signature";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { callWebhookRoute } from "~/server/testing/webhook-receiver";
import { rotateRestaurantWebhookSecret, webhookSettings } from "./manage";
import { cachedSecrets, clearIngressCache } from "./ingress-cache";
import { expireWebhookSecrets, rotateWebhookSecret, validWebhookSecrets } from "./secrets";

const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as unknown[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));
vi.mock("~/server/webhooks/profiles", () => ({ ingressProfile: () => ({ signing: "connection" }) }));

let w: Awaited<ReturnType<typeof squareWorld>>;
const HOUR = 3_600_000;
let seq = 0;

beforeAll(async () => {
  w = await squareWorld();
  h.db = w.t.db;
});
afterAll(() => w.dispose());

const actor = () => ({ organizationId: w.tenant.org.id, userId: w.tenant.user.id });
const perRestaurantUrl = () => `http://127.0.0.1/api/webhooks/square/order-status/${w.connection.id}`;

function send(secret: string, at = perRestaurantUrl()) {
  const body = JSON.stringify({
    merchant_id: w.connection.externalMerchantId,
    type: "order.updated",
    event_id: `evt-rot-${++seq}`,
    created_at: new Date().toISOString(),
    data: { type: "order", id: "X", object: { order_updated: { order_id: "X", state: "OPEN" } } },
  });
  return callWebhookRoute(
    new Request(at, { method: "POST", headers: { [SQUARE_SIGNATURE_HEADER]: squareSignature(secret, at, body) }, body }),
  ).then((r) => r.status);
}

describe("per-restaurant webhook secrets", () => {
  it("a secret is generated, sealed, when the connection is created", async () => {
    const rows = await w.t.db.select().from(webhookSecrets).where(eq(webhookSecrets.connectionId, w.connection.id));
    expect(rows).toHaveLength(1);
    const [secret] = await validWebhookSecrets(w.t.db, w.connection.id);
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(rows[0]!.secretCiphertext).not.toContain(secret!.slice(6));
    expect(await webhookSettings(w.t.db, actor(), w.tenant.restaurant.id)).toMatchObject({
      url: expect.stringContaining(`/api/webhooks/square/order-status/${w.connection.id}`),
      hasSecret: true,
    });
  });

  it("verifies against the connection's secret, by URL or by the merchant in the body", async () => {
    const [secret] = await validWebhookSecrets(w.t.db, w.connection.id);
    expect(await send(secret!)).toBe(200);
    expect(await send(secret!, "http://127.0.0.1/api/webhooks/square")).toBe(200);
    expect(await send("whsec_wrong")).toBe(401);
  });

  it("rotation: old and new both verify during the grace window; after expiry only the new one", async () => {
    const [old] = await validWebhookSecrets(w.t.db, w.connection.id);
    const now = new Date();
    const rotated = await rotateRestaurantWebhookSecret(w.t.db, actor(), w.tenant.restaurant.id, now);
    expect(rotated.secret).not.toBe(old);
    expect(rotated.previousValidUntil!.getTime()).toBe(now.getTime() + 24 * HOUR);
    expect(await send(old!)).toBe(200);
    expect(await send(rotated.secret)).toBe(200);

    // Past the window the old one is no longer valid even before the expiry job runs…
    expect(await validWebhookSecrets(w.t.db, w.connection.id, new Date(now.getTime() + 25 * HOUR))).toEqual([rotated.secret]);
    // …and the expiry schedule retires it.
    expect(await expireWebhookSecrets(w.t.db, new Date(now.getTime() + 23 * HOUR))).toEqual({ expired: 0 });
    expect(await expireWebhookSecrets(w.t.db, new Date(now.getTime() + 25 * HOUR))).toEqual({ expired: 1 });
    expect(await send(old!)).toBe(401);
    expect(await send(rotated.secret)).toBe(200);
    const [rejected] = (await w.t.db.select().from(webhookEvents)).sort((a, b) => +b.receivedAt - +a.receivedAt).filter((r) => r.status === "rejected");
    expect(rejected).toMatchObject({ verificationError: "invalid_signature", connectionId: w.connection.id });
  });

  it("another organization cannot rotate or read this restaurant's secret", async () => {
    const other = await makeTenant(w.t.db);
    const stranger = { organizationId: other.org.id, userId: other.user.id };
    await expect(rotateRestaurantWebhookSecret(w.t.db, stranger, w.tenant.restaurant.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(webhookSettings(w.t.db, stranger, w.tenant.restaurant.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
  // The ingress caches connections and decrypted secrets per process (ingress-cache.ts).
  describe("with the ingress cache warm", () => {
    it("a secret rotated by another instance verifies at once (a miss looks again)", async () => {
      const [current] = await validWebhookSecrets(w.t.db, w.connection.id);
      expect(await send(current!)).toBe(200); // warms the cache
      // As another instance would: straight to the database, this process is not told.
      const rotated = await rotateWebhookSecret(w.t.db, w.connection.id, 24);
      expect(await send(rotated.secret)).toBe(200);
      expect(await send(current!)).toBe(200); // still inside its grace window
    });

    it("a cached secret stops verifying when its grace window ends, without asking the database", async () => {
      clearIngressCache();
      const t0 = new Date();
      const rotated = await rotateWebhookSecret(w.t.db, w.connection.id, 0.001, t0); // 3.6 s of grace
      const warm = await cachedSecrets(w.t.db, w.connection.id, t0);
      expect(warm.value.length).toBeGreaterThan(1);
      expect(warm.value[0]).toBe(rotated.secret);
      // Five seconds on: still inside the cache's TTL (served from memory), past the grace.
      const later = await cachedSecrets(w.t.db, w.connection.id, new Date(t0.getTime() + 5_000));
      expect(later).toEqual({ value: [rotated.secret], cached: true });
    });

    it("a disconnect in this process is seen by the very next call", async () => {
      const other = await squareWorld();
      try {
        h.db = other.t.db;
        const [secret] = await validWebhookSecrets(other.t.db, other.connection.id);
        const url = `http://127.0.0.1/api/webhooks/square/order-status/${other.connection.id}`;
        const sendOther = (body: string) =>
          callWebhookRoute(new Request(url, { method: "POST", headers: { [SQUARE_SIGNATURE_HEADER]: squareSignature(secret!, url, body) }, body })).then((r) => r.status);
        const body = (n: number) => JSON.stringify({ merchant_id: other.connection.externalMerchantId, type: "order.updated", event_id: `evt-disc-${n}`, created_at: new Date().toISOString(), data: { type: "order", id: "X", object: { order_updated: { order_id: "X", state: "OPEN" } } } });
        expect(await sendOther(body(1))).toBe(200);
        const { disconnect } = await import("~/server/connections/manage");
        await disconnect(other.t.db, { organizationId: other.tenant.org.id, userId: other.tenant.user.id }, other.tenant.restaurant.id);
        expect(await sendOther(body(2))).toBe(404);
      } finally {
        h.db = w.t.db;
        await other.dispose();
      }
    });
  });
});
