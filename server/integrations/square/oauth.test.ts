/**
 * OAuth contract tests: the adapter's OAuthCapability against the fake's authorize page and
 * token endpoint, the way a seller's browser and our callback would use them.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { squareAdapter } from "./client";
import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_CLIENT_SECRET, FAKE_SQUARE_MERCHANT_ID, startFakeSquare, type FakeSquare } from "./fake";
import { adapterContext } from "./fixtures/orders";
import { squareOAuth } from "./oauth";

const app = { clientId: FAKE_SQUARE_CLIENT_ID, clientSecret: FAKE_SQUARE_CLIENT_SECRET };
const redirectUri = "http://localhost:3000/api/oauth/square/callback";
let fake: FakeSquare;

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

/** What the seller's browser does: open the authorize URL, click a button, follow nothing. */
async function clickOnAuthorizePage(authorizeUrl: string, button: "Allow" | "Deny"): Promise<URL> {
  const base = new URL(authorizeUrl).origin;
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain(`>${button}</button>`);
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1] ?? "", decodeHtml(m[2] ?? ""));
  form.set("decision", button === "Allow" ? "allow" : "deny");
  const res = await fetch(new URL("/oauth2/authorize", base), { method: "POST", body: form, redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

const decodeHtml = (s: string) => s.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)));

beforeEach(async () => {
  fake = await startFakeSquare();
});
afterEach(async () => {
  await fake.close();
});

describe("Square OAuth", () => {
  it("builds Square's authorize URL", () => {
    const url = squareOAuth.authorizeUrl({ state: "st-1", redirectUri, app, baseUrl: `${fake.url}/` });
    expect(url.startsWith(`${fake.url}/oauth2/authorize?`)).toBe(true);
    expect(url).toContain("scope=MERCHANT_PROFILE_READ+ORDERS_READ+ORDERS_WRITE+ITEMS_READ+ITEMS_WRITE+INVENTORY_READ+INVENTORY_WRITE+PAYMENTS_WRITE");
    const q = new URL(url).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({ client_id: FAKE_SQUARE_CLIENT_ID, session: "False", state: "st-1", redirect_uri: redirectUri });
  });

  it("approve → code → tokens that work; the code is single-use", async () => {
    const callback = await clickOnAuthorizePage(squareOAuth.authorizeUrl({ state: "st-2", redirectUri, app, baseUrl: fake.url }), "Allow");
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("st-2");
    const code = callback.searchParams.get("code") ?? "";
    const tokens = await squareOAuth.exchangeCode({ code, redirectUri, app, baseUrl: fake.url, timeoutMs: 5_000 });
    expect(tokens).toMatchObject({ merchantId: FAKE_SQUARE_MERCHANT_ID });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).toBeInstanceOf(Date);
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(await squareAdapter.listLocations!(adapterContext({ baseUrl: fake.url, accessToken: tokens.accessToken }))).toHaveLength(2);

    const again = await caught(squareOAuth.exchangeCode({ code, redirectUri, app, baseUrl: fake.url, timeoutMs: 5_000 }));
    expect(again).toMatchObject({ code: "PROVIDER_AUTH", details: { httpStatus: 401 } });
  });

  it("deny → access_denied back to the app", async () => {
    const callback = await clickOnAuthorizePage(squareOAuth.authorizeUrl({ state: "st-3", redirectUri, app, baseUrl: fake.url }), "Deny");
    expect(Object.fromEntries(callback.searchParams)).toEqual({ error: "access_denied", error_description: "user_denied", state: "st-3" });
  });

  it("refresh returns a new access token and the same refresh token", async () => {
    const issued = fake.issueToken();
    const refreshed = await squareOAuth.refreshToken({ refreshToken: issued.refreshToken, app, baseUrl: fake.url, timeoutMs: 5_000 });
    expect(refreshed.accessToken).not.toBe(issued.accessToken);
    expect(refreshed.refreshToken).toBe(issued.refreshToken);
    expect(await squareAdapter.listLocations!(adapterContext({ baseUrl: fake.url, accessToken: refreshed.accessToken }))).toHaveLength(2);
  });

  it("a revoked refresh token, a wrong secret or an expired code need the seller again", async () => {
    const issued = fake.issueToken();
    fake.revokeToken(issued.accessToken);
    expect((await caught(squareOAuth.refreshToken({ refreshToken: issued.refreshToken, app, baseUrl: fake.url, timeoutMs: 5_000 }))).code).toBe("PROVIDER_AUTH");
    const wrongSecret = { ...app, clientSecret: "nope" };
    expect((await caught(squareOAuth.refreshToken({ refreshToken: fake.issueToken().refreshToken, app: wrongSecret, baseUrl: fake.url, timeoutMs: 5_000 }))).code).toBe("PROVIDER_AUTH");

    const stale = await startFakeSquare({ quirks: { authCodeTtlMs: -1 } });
    try {
      const callback = await clickOnAuthorizePage(squareOAuth.authorizeUrl({ state: "s", redirectUri, app, baseUrl: stale.url }), "Allow");
      const code = callback.searchParams.get("code") ?? "";
      expect((await caught(squareOAuth.exchangeCode({ code, redirectUri, app, baseUrl: stale.url, timeoutMs: 5_000 }))).code).toBe("PROVIDER_AUTH");
    } finally {
      await stale.close();
    }
  });

  it("needs the app credentials configured", () => {
    expect(() => squareOAuth.authorizeUrl({ state: "s", redirectUri, app: {}, baseUrl: fake.url })).toThrow(expect.objectContaining({ code: "PRECONDITION_FAILED" }));
  });
});
