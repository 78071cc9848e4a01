import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections } from "~/db/schema";
import { AppError } from "~/server/errors";
import { squareWorld } from "~/server/testing/square-world";
import { freshCredentials, readCredentials, saveCredentials } from "./credentials";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

let w: Awaited<ReturnType<typeof squareWorld>>;
beforeEach(async () => {
  w = await squareWorld();
});
afterEach(() => w.dispose());

const DAY = 86_400_000;
const tokenCalls = () => w.fake.state.requests.filter((r) => r.method === "POST" && r.path === "/oauth2/token");
const row = async () => (await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) }))!;

/** Give the connection a real fake token that expires inside the 7-day refresh window. */
async function expiringSoon(ttlMs = 2 * DAY) {
  const t = w.fake.issueToken({ ttlMs });
  await saveCredentials(w.t.db, w.connection.id, { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt });
  return t;
}

describe("freshCredentials", () => {
  it("refreshes credentials that expire within 7 days and stores them encrypted", async () => {
    const old = await expiringSoon();
    const before = await row();
    const creds = await freshCredentials(w.t.db, before);
    expect(tokenCalls()).toHaveLength(1);
    expect(creds.accessToken).not.toBe(old.accessToken);
    expect(w.fake.state.tokens.has(creds.accessToken!)).toBe(true);
    expect(creds.refreshToken).toBe(old.refreshToken);

    const after = await row();
    expect(after.credentialsCiphertext).not.toBe(before.credentialsCiphertext);
    expect(after.credentialsCiphertext).not.toContain(creds.accessToken!);
    expect(readCredentials(after)).toMatchObject({ accessToken: creds.accessToken, refreshToken: old.refreshToken });
  });

  it("returns credentials far from expiry as they are, without calling the token endpoint", async () => {
    const before = await row();
    const creds = await freshCredentials(w.t.db, before);
    expect(creds.accessToken).toBe(readCredentials(before).accessToken);
    expect(tokenCalls()).toHaveLength(0);
    expect((await row()).credentialsCiphertext).toBe(before.credentialsCiphertext);
  });

  it("two concurrent callers with the same stale row refresh only once (row lock + re-check)", async () => {
    await expiringSoon();
    const stale = await row();
    const [a, b] = await Promise.all([freshCredentials(w.t.db, stale), freshCredentials(w.t.db, stale)]);
    expect(tokenCalls()).toHaveLength(1);
    expect(a.accessToken).toBe(b.accessToken);
    expect(readCredentials(await row()).accessToken).toBe(a.accessToken);
  });

  it("a revoked refresh token → needs_reauth and exactly one notification, even when called twice", async () => {
    const old = await expiringSoon();
    w.fake.revokeToken(old.accessToken);
    const stale = await row();
    for (let i = 0; i < 2; i++) {
      const err = await freshCredentials(w.t.db, stale).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("PROVIDER_AUTH");
    }
    expect(tokenCalls().map((r) => r.status)).toEqual([401, 401]);
    const after = await row();
    expect(after.status).toBe("needs_reauth");
    // The stored credentials are untouched (nothing half-written).
    expect(readCredentials(after).accessToken).toBe(old.accessToken);
    expect((await w.notices()).filter((n) => n.type === "connection.needs_reauth")).toHaveLength(1);
  });

  it("a 401 from the token endpoint is an auth failure too (not retried as transient)", async () => {
    await expiringSoon();
    w.fake.faults.next("POST /oauth2/token", { status: 401, times: 2 });
    const stale = await row();
    await expect(freshCredentials(w.t.db, stale)).rejects.toMatchObject({ code: "PROVIDER_AUTH" });
    await expect(freshCredentials(w.t.db, await row())).rejects.toMatchObject({ code: "PROVIDER_AUTH" });
    expect((await row()).status).toBe("needs_reauth");
    expect((await w.notices()).filter((n) => n.type === "connection.needs_reauth")).toHaveLength(1);
  });
});
