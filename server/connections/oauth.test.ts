import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connections, oauthStates } from "~/db/schema";
import { AppError } from "~/server/errors";
import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_MERCHANT_ID } from "~/server/integrations/square/fake";
import { SQUARE_SCOPES } from "~/server/integrations/square/provider";
import { makeTenant } from "~/server/testing/factories";
import { squareWorld } from "~/server/testing/square-world";
import { readCredentials } from "./credentials";
import { completeOAuth, startOAuth } from "./oauth";

vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble());

const REDIRECT = "https://switchboard.test/api/oauth/square/callback";

let w: Awaited<ReturnType<typeof squareWorld>>;
// A restaurant with no POS yet (the world's own restaurant is already connected).
let seller: Awaited<ReturnType<typeof makeTenant>>;
beforeEach(async () => {
  w = await squareWorld();
  seller = await makeTenant(w.t.db);
});
afterEach(() => w.dispose());

const start = (over: Partial<Parameters<typeof startOAuth>[1]> = {}) =>
  startOAuth(w.t.db, {
    organizationId: seller.org.id,
    userId: seller.user.id,
    restaurantId: seller.restaurant.id,
    provider: "square",
    redirectUri: REDIRECT,
    ...over,
  });

const complete = (back: { state: string | null; code?: string | null; error?: string | null }, userId = seller.user.id) =>
  completeOAuth(w.t.db, { provider: "square", state: back.state, code: back.code ?? null, error: back.error ?? null, userId, redirectUri: REDIRECT });

/**
 * The seller in the fake's browser: open the authorize page, then submit its form with the
 * Allow or Deny button. Returns the query the fake redirects back to us with.
 */
async function authorize(authorizeUrl: string, decision: "allow" | "deny") {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(m[1]!, m[2]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))));
  }
  form.set("decision", decision);
  const res = await fetch(new URL("/oauth2/authorize", w.fake.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location")!);
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  const q = back.searchParams;
  return { state: q.get("state"), code: q.get("code"), error: q.get("error") };
}

const tokenCalls = () => w.fake.state.requests.filter((r) => r.method === "POST" && r.path === "/oauth2/token").length;
const sellerConnections = () => w.t.db.select().from(connections).where(eq(connections.restaurantId, seller.restaurant.id));
const states = () => w.t.db.select().from(oauthStates);

async function expectAppError(p: Promise<unknown>, code: AppError["code"], message?: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
}

describe("startOAuth", () => {
  it("returns the fake's authorize URL with client id, scopes, state and redirect URI; stores only a hash of the state", async () => {
    const url = new URL(await start());
    expect(`${url.origin}${url.pathname}`).toBe(`${w.fake.url}/oauth2/authorize`);
    const q = url.searchParams;
    expect(q.get("client_id")).toBe(FAKE_SQUARE_CLIENT_ID);
    expect(q.get("scope")!.split(" ").sort()).toEqual([...SQUARE_SCOPES].sort());
    expect(q.get("redirect_uri")).toBe(REDIRECT);
    const state = q.get("state")!;
    expect(state.length).toBeGreaterThanOrEqual(32);

    const rows = await states();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      provider: "square",
      organizationId: seller.org.id,
      restaurantId: seller.restaurant.id,
      userId: seller.user.id,
      usedAt: null,
    });
    expect(row!.stateHash).toBe(createHash("sha256").update(state).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(state);
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now());

    // Each start gets its own state.
    const again = new URL(await start()).searchParams.get("state");
    expect(again).not.toBe(state);
  });

  it("refuses a restaurant of another organization (NOT_FOUND) and stores no state", async () => {
    const other = await makeTenant(w.t.db);
    await expectAppError(start({ restaurantId: other.restaurant.id }), "NOT_FOUND");
    expect(await states()).toHaveLength(0);
  });
});

describe("completeOAuth against the fake's authorize page", () => {
  it("Allow → an active connection with encrypted tokens and the merchant id", async () => {
    const back = await authorize(await start(), "allow");
    expect(back.code).toBeTruthy();
    const { connection, restaurantId } = await complete(back);
    expect(restaurantId).toBe(seller.restaurant.id);

    const rows = await sellerConnections();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.id).toBe(connection.id);
    expect(row).toMatchObject({ status: "active", provider: "square", organizationId: seller.org.id, externalMerchantId: FAKE_SQUARE_MERCHANT_ID });
    const creds = readCredentials(row!);
    expect(creds.accessToken).toBeTruthy();
    expect(creds.refreshToken).toBeTruthy();
    // The tokens are the fake's, and they are not stored in the clear.
    expect(w.fake.state.tokens.get(creds.accessToken!)).toMatchObject({ merchantId: FAKE_SQUARE_MERCHANT_ID, refreshToken: creds.refreshToken });
    expect(row!.credentialsCiphertext).not.toContain(creds.accessToken!);
    expect(row!.credentialsCiphertext).not.toContain(creds.refreshToken!);
    expect(row!.tokenExpiresAt?.getTime()).toBe(creds.expiresAt?.getTime());
    expect(w.fake.state.codes.get(back.code!)?.used).toBe(true);
    expect((await states())[0]!.usedAt).toBeInstanceOf(Date);
  });

  it("replaying the same state → BAD_REQUEST and nothing new stored", async () => {
    const back = await authorize(await start(), "allow");
    await complete(back);
    const [before] = await sellerConnections();
    const calls = tokenCalls();

    await expectAppError(complete(back), "BAD_REQUEST", /expired or was already used/);
    expect(tokenCalls()).toBe(calls);
    const after = await sellerConnections();
    expect(after).toHaveLength(1);
    expect(after[0]!.credentialsCiphertext).toBe(before!.credentialsCiphertext);
  });

  it("an unknown or forged state → BAD_REQUEST, no token exchange, no connection", async () => {
    const back = await authorize(await start(), "allow");
    await expectAppError(complete({ state: randomBytes(32).toString("base64url"), code: back.code }), "BAD_REQUEST");
    await expectAppError(complete({ state: null, code: back.code }), "BAD_REQUEST");
    expect(tokenCalls()).toBe(0);
    expect(await sellerConnections()).toHaveLength(0);
    expect(w.fake.state.codes.get(back.code!)?.used).toBe(false);
  });

  it("an expired state → BAD_REQUEST, no token exchange, no connection", async () => {
    const back = await authorize(await start(), "allow");
    await w.t.db
      .update(oauthStates)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oauthStates.stateHash, createHash("sha256").update(back.state!).digest("hex")));
    await expectAppError(complete(back), "BAD_REQUEST", /expired/);
    expect(tokenCalls()).toBe(0);
    expect(await sellerConnections()).toHaveLength(0);
  });

  it("a state started by user A and completed by user B → BAD_REQUEST; A can still finish", async () => {
    const back = await authorize(await start(), "allow");
    const intruder = await makeTenant(w.t.db);
    await expectAppError(complete(back, intruder.user.id), "BAD_REQUEST");
    expect(tokenCalls()).toBe(0);
    expect(await sellerConnections()).toHaveLength(0);
    expect(await w.t.db.select().from(connections).where(eq(connections.organizationId, intruder.org.id))).toHaveLength(0);

    await complete(back);
    expect(await sellerConnections()).toHaveLength(1);
  });

  it("Deny (error=access_denied) → BAD_REQUEST 'Access was not granted' and no connection", async () => {
    const back = await authorize(await start(), "deny");
    expect(back).toMatchObject({ error: "access_denied", code: null });
    await expectAppError(complete(back), "BAD_REQUEST", /Access was not granted/);
    expect(tokenCalls()).toBe(0);
    expect(await sellerConnections()).toHaveLength(0);
    // The state is spent: the same link cannot be reused.
    expect((await states())[0]!.usedAt).toBeInstanceOf(Date);
  });
});
