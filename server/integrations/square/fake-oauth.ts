/**
 * The fake's OAuth: the seller-facing authorize page, the token endpoint, revocation and bearer
 * checks on /v2 [reference §1.1; reference/square/oauth-api/authorize, o-auth/obtain-token].
 */
import { randomBytes } from "node:crypto";
import { asRecord, badRequest, escapeHtml, ok, squareError, type FakeContext, type FakeResponse } from "./fake-http";
import type { FakeSquareState } from "./fake-types";

export type FakeIssuedToken = { accessToken: string; refreshToken: string; expiresAt: Date; merchantId: string; scopes: string[] };

const secret = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;

export function issueToken(
  state: FakeSquareState,
  opts: { scopes?: string[]; ttlMs?: number; refreshToken?: string; merchantId?: string; clientId?: string } = {},
): FakeIssuedToken {
  // Square's sandbox tokens start with "EAAA"; refresh tokens with "EQAA" (cosmetic).
  const accessToken = secret("EAAAfake");
  const merchantId = opts.merchantId ?? state.merchantId;
  const clientId = opts.clientId ?? state.app.clientId;
  const scopes = opts.scopes ?? ALL_SCOPES;
  const refreshToken = opts.refreshToken ?? secret("EQAAfake");
  const expiresAt = new Date(Date.now() + (opts.ttlMs ?? state.quirks.accessTokenTtlMs));
  state.tokens.set(accessToken, { merchantId, clientId, scopes, expiresAt, revoked: false, refreshToken });
  if (!state.refreshTokens.has(refreshToken)) state.refreshTokens.set(refreshToken, { merchantId, clientId, scopes, revoked: false });
  return { accessToken, refreshToken, expiresAt, merchantId, scopes };
}

const ALL_SCOPES = ["MERCHANT_PROFILE_READ", "ORDERS_READ", "ORDERS_WRITE", "ITEMS_READ", "ITEMS_WRITE", "INVENTORY_READ", "INVENTORY_WRITE", "PAYMENTS_WRITE"];

/** GET /oauth2/authorize: what Square shows the seller. Plain forms, so e2e drives it in a real browser. */
export function authorizePage(ctx: FakeContext): FakeResponse {
  const q = ctx.req.url.searchParams;
  const clientId = q.get("client_id") ?? "";
  const redirectUri = q.get("redirect_uri") ?? ctx.state.app.redirectUri ?? "";
  if (clientId !== ctx.state.app.clientId) return { status: 400, html: page("Unknown application", "<p>This client_id is not a registered application.</p>") };
  if (!redirectUri) return { status: 400, html: page("Missing redirect URL", "<p>No redirect_uri given and none registered for the app.</p>") };
  // The query decodes "A+B" to "A B"; commas are tolerated too.
  const scopes = (q.get("scope") ?? "").split(/[\s,+]+/).filter(Boolean);
  const hidden = { client_id: clientId, redirect_uri: redirectUri, state: q.get("state") ?? "", scope: scopes.join(" ") };
  const inputs = Object.entries(hidden).map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`).join("");
  const body = `<p><strong>${escapeHtml(ctx.state.app.name)}</strong> would like to access your Square account (merchant ${escapeHtml(ctx.state.merchantId)}):</p>
<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>
<form method="post" action="/oauth2/authorize">${inputs}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`;
  return { status: 200, html: page("Authorize application", body) };
}

/** POST /oauth2/authorize (the seller's click): back to the app with a code, or with the denial. */
export function authorizeDecision(ctx: FakeContext): FakeResponse {
  const form = new URLSearchParams(ctx.req.rawBody);
  if (form.get("client_id") !== ctx.state.app.clientId) return { status: 400, html: page("Unknown application", "") };
  let target: URL;
  try {
    target = new URL(form.get("redirect_uri") ?? "");
  } catch {
    return { status: 400, html: page("Invalid redirect URL", "") };
  }
  if (form.get("decision") === "allow") {
    const code = secret("sq0cgp-fake-");
    const scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
    // Single use, 5 minutes [docs/oauth-api/overview].
    ctx.state.codes.set(code, { clientId: ctx.state.app.clientId, scopes, redirectUri: form.get("redirect_uri") ?? undefined, expiresAt: Date.now() + ctx.state.quirks.authCodeTtlMs, used: false });
    target.searchParams.set("code", code);
  } else {
    // [reference §1.1] "error=access_denied&error_description=user_denied"
    target.searchParams.set("error", "access_denied");
    target.searchParams.set("error_description", "user_denied");
  }
  target.searchParams.set("state", form.get("state") ?? "");
  return { status: 302, redirect: target.toString() };
}

// How Square words an OAuth rejection is UNCONFIRMED; the status (401) and envelope follow §1.7.
const denied = (detail: string) => squareError(401, "AUTHENTICATION_ERROR", "UNAUTHORIZED", detail);

/** POST /oauth2/token: authorization_code and refresh_token grants, client secret in the body. */
export function obtainToken(ctx: FakeContext): FakeResponse {
  const body = asRecord(ctx.req.json);
  if (!body) return badRequest("EXPECTED_JSON_BODY", "The request body must be JSON.");
  if (body.client_id !== ctx.state.app.clientId || body.client_secret !== ctx.state.app.clientSecret) return denied("Invalid client credentials.");
  let issued: FakeIssuedToken;
  if (body.grant_type === "authorization_code") {
    const code = typeof body.code === "string" ? ctx.state.codes.get(body.code) : undefined;
    if (!code || code.used || code.expiresAt < Date.now()) return denied("The authorization code is invalid, expired or already used.");
    // redirect_uri is optional on the token call; when sent it must match the authorize request.
    if (typeof body.redirect_uri === "string" && body.redirect_uri !== code.redirectUri) {
      return badRequest("INVALID_VALUE", "redirect_uri does not match the authorization request.", "redirect_uri");
    }
    code.used = true;
    issued = issueToken(ctx.state, { scopes: code.scopes, ttlMs: body.short_lived === true ? 86_400_000 : undefined });
  } else if (body.grant_type === "refresh_token") {
    const rt = typeof body.refresh_token === "string" ? ctx.state.refreshTokens.get(body.refresh_token) : undefined;
    if (!rt || rt.revoked || rt.clientId !== ctx.state.app.clientId) return denied("The refresh token is invalid or revoked.");
    // Code flow: "The response returns the same refresh token" [reference §1.1].
    issued = issueToken(ctx.state, { scopes: rt.scopes, refreshToken: body.refresh_token as string, merchantId: rt.merchantId });
  } else {
    return badRequest("INVALID_VALUE", "Unsupported grant_type.", "grant_type");
  }
  return ok({
    access_token: issued.accessToken,
    token_type: "bearer",
    expires_at: issued.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    merchant_id: issued.merchantId,
    refresh_token: issued.refreshToken,
    short_lived: body.short_lived === true,
  });
}

/** POST /oauth2/revoke, `Authorization: Client <secret>`: revokes the merchant's tokens for this app. */
export function revokeToken(ctx: FakeContext): FakeResponse {
  const body = asRecord(ctx.req.json) ?? {};
  if (ctx.req.headers.authorization !== `Client ${ctx.state.app.clientSecret}` || body.client_id !== ctx.state.app.clientId) return denied("Invalid client credentials.");
  const record = typeof body.access_token === "string" ? ctx.state.tokens.get(body.access_token) : undefined;
  const merchantId = record?.merchantId ?? (typeof body.merchant_id === "string" ? body.merchant_id : undefined);
  if (!merchantId) return badRequest("MISSING_REQUIRED_PARAMETER", "access_token or merchant_id is required.");
  revokeMerchant(ctx.state, merchantId, body.revoke_only_access_token === true);
  ctx.notify("oauth.authorization.revoked", { type: "revocation", id: merchantId, object: { revocation: { revoked_at: new Date().toISOString(), revoker_type: "APPLICATION" } } });
  return ok({ success: true });
}

export function revokeMerchant(state: FakeSquareState, merchantId: string, onlyAccess = false): void {
  for (const t of state.tokens.values()) if (t.merchantId === merchantId) t.revoked = true;
  if (!onlyAccess) for (const r of state.refreshTokens.values()) if (r.merchantId === merchantId) r.revoked = true;
}

/** Which scope each /v2 call needs [docs/oauth-api/square-permissions]. */
export function scopeFor(method: string, path: string): string | undefined {
  if (path.startsWith("/v2/locations")) return "MERCHANT_PROFILE_READ";
  if (path.startsWith("/v2/orders")) return method === "GET" ? "ORDERS_READ" : "ORDERS_WRITE";
  if (path.startsWith("/v2/payments")) return method === "GET" ? "PAYMENTS_READ" : "PAYMENTS_WRITE";
  if (path.startsWith("/v2/catalog")) return method === "GET" ? "ITEMS_READ" : "ITEMS_WRITE";
  if (path.startsWith("/v2/inventory")) return path.endsWith("/batch-create") ? "INVENTORY_WRITE" : "INVENTORY_READ";
  return undefined;
}

/** Bearer check for /v2: the auth context, or the 401/403 Square answers with. */
export function authenticate(state: FakeSquareState, header: string | undefined, method: string, path: string): { merchantId: string; scopes: string[] } | FakeResponse {
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  const record = token ? state.tokens.get(token) : undefined;
  if (!record) return denied("This request could not be authorized.");
  // ACCESS_TOKEN_REVOKED / ACCESS_TOKEN_EXPIRED are Square error codes [SDK ErrorCode.ts].
  if (record.revoked) return squareError(401, "AUTHENTICATION_ERROR", "ACCESS_TOKEN_REVOKED", "The access token has been revoked.");
  if (record.expiresAt.getTime() <= Date.now()) return squareError(401, "AUTHENTICATION_ERROR", "ACCESS_TOKEN_EXPIRED", "The access token has expired.");
  const scope = scopeFor(method, path);
  if (scope && !record.scopes.includes(scope)) {
    return squareError(403, "AUTHENTICATION_ERROR", "INSUFFICIENT_SCOPES", `The merchant has not given your application sufficient permissions to do that. The developer must request the following scopes: ${scope}`);
  }
  return { merchantId: record.merchantId, scopes: record.scopes };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Square (fake)</title></head>
<body style="font-family:system-ui;max-width:32rem;margin:3rem auto"><h1>${escapeHtml(title)}</h1>${body}
<p><small>Local Square fake: not Square.</small></p></body></html>`;
}
