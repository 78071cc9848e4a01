import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections } from "~/db/schema";
import { readCredentials, saveCredentials } from "~/server/connections/credentials";
import { squareWorld } from "~/server/testing/square-world";

let w: Awaited<ReturnType<typeof squareWorld>>;
vi.mock("~/db", () => ({ getDb: async () => w.t.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

beforeEach(async () => {
  w = await squareWorld();
});
afterEach(() => w.dispose());

const DAY = 86_400_000;
const tokenCalls = () => w.fake.state.requests.filter((r) => r.method === "POST" && r.path === "/oauth2/token");
const conn = async () => (await w.t.db.query.connections.findFirst({ where: eq(connections.id, w.connection.id) }))!;

async function runRefresh() {
  const { tokenRefresh } = await import("./token-refresh");
  const engine = new InngestTestEngine({ function: tokenRefresh });
  return engine.execute({ events: [{ name: "switchboard/tokens.refresh-requested", data: { requestedBy: "test" } }] });
}

describe("token-refresh function (Square fake's /oauth2/token through the real OAuth client)", () => {
  it("refreshes a token that expires within 7 days: new access token stored encrypted, refresh token kept", async () => {
    const soon = w.fake.issueToken({ ttlMs: 2 * DAY });
    await saveCredentials(w.t.db, w.connection.id, { accessToken: soon.accessToken, refreshToken: soon.refreshToken, expiresAt: soon.expiresAt });
    const before = await conn();

    const { result, error } = await runRefresh();
    expect(error).toBeUndefined();
    expect(result).toEqual({ due: 1, refreshed: 1 });
    expect(tokenCalls()).toHaveLength(1);

    const after = await conn();
    expect(after.credentialsCiphertext).not.toBe(before.credentialsCiphertext);
    expect(after.credentialsCiphertext).not.toContain(soon.refreshToken);
    const creds = readCredentials(after);
    expect(creds.accessToken).not.toBe(soon.accessToken);
    expect(after.credentialsCiphertext).not.toContain(creds.accessToken!);
    expect(creds.refreshToken).toBe(soon.refreshToken);
    // The new token is one the fake issued, and the stored expiry moved out of the window.
    const issued = w.fake.state.tokens.get(creds.accessToken!);
    expect(issued?.refreshToken).toBe(soon.refreshToken);
    expect(creds.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7 * DAY);
    expect(after.tokenExpiresAt!.getTime()).toBe(creds.expiresAt!.getTime());
    expect(after.status).toBe("active");
  });

  it("leaves a token far from expiry alone: the fake's token endpoint is never called", async () => {
    const before = await conn();
    expect(before.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 7 * DAY);

    const { result, error } = await runRefresh();
    expect(error).toBeUndefined();
    expect(result).toEqual({ due: 0, refreshed: 0 });
    expect(tokenCalls()).toHaveLength(0);
    expect((await conn()).credentialsCiphertext).toBe(before.credentialsCiphertext);
  });

  it("a refresh the fake rejects moves the connection to needs_reauth without failing the run", async () => {
    const soon = w.fake.issueToken({ ttlMs: 2 * DAY });
    await saveCredentials(w.t.db, w.connection.id, { accessToken: soon.accessToken, refreshToken: soon.refreshToken, expiresAt: soon.expiresAt });
    w.fake.revokeToken(soon.accessToken);

    const { result, error } = await runRefresh();
    expect(error).toBeUndefined();
    expect(result).toEqual({ due: 1, refreshed: 0 });
    expect(tokenCalls().map((r) => r.status)).toEqual([401]);
    expect((await conn()).status).toBe("needs_reauth");
    expect((await w.notices()).filter((n) => n.type === "connection.needs_reauth")).toHaveLength(1);
  });
});
