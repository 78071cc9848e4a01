import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections } from "~/db/schema";
import { testPosConnection } from "~/server/connections/pos-actions";
import { squareWorld } from "~/server/testing/square-world";
import { adoptSandboxConnections } from "./sandbox-adopt";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeEach(async () => {
  w = await squareWorld();
});
afterEach(() => w.dispose());

describe("sandbox: adopting Square connections after a restart", () => {
  it("gives a connection whose token the fake forgot a fresh one, through the real adapter", async () => {
    // A restart: the fake no longer knows the token the connection holds.
    w.fake.state.tokens.clear();
    await w.t.db.update(connections).set({ status: "needs_reauth", health: "offline", lastError: "Demo data" }).where(eq(connections.id, w.connection.id));
    expect(await testPosConnection(w.t.db, w.tenant.restaurant.id)).toMatchObject({ ok: false });

    expect(await adoptSandboxConnections(w.t.db, w.fake)).toBe(1);
    const [row] = await w.t.db.select().from(connections).where(eq(connections.id, w.connection.id));
    expect(row).toMatchObject({ status: "active", health: "online", lastError: null });
    expect(await testPosConnection(w.t.db, w.tenant.restaurant.id)).toMatchObject({ ok: true });
  });

  it("leaves connections to other merchants and disconnected ones alone", async () => {
    await w.t.db.update(connections).set({ externalMerchantId: "MREALMERCHANT" }).where(eq(connections.id, w.connection.id));
    expect(await adoptSandboxConnections(w.t.db, w.fake)).toBe(0);
  });
});
