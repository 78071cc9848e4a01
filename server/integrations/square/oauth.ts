/**
 * Square OAuth, code flow with the app's client secret [reference §1.1;
 * developer.squareup.com/reference/square/oauth-api/authorize, .../o-auth/obtain-token].
 */
import type { Square } from "square";
import { AppError } from "~/server/errors";
import type { AppCredentials, OAuthCapability, TokenSet } from "../types";
import { callSquare } from "./error-map";
import { SQUARE_AUTHORIZE_PATH, SQUARE_SCOPES } from "./provider";
import { squareOAuthFor } from "./sdk";

function requireApp(app: AppCredentials, needSecret: boolean): { clientId: string; clientSecret?: string } {
  if (!app.clientId || (needSecret && !app.clientSecret)) {
    throw new AppError("PRECONDITION_FAILED", "Square app credentials (client id/secret) are not configured", {
      details: { httpStatus: null, vendorCode: "APP_NOT_CONFIGURED" },
    });
  }
  return { clientId: app.clientId, clientSecret: app.clientSecret };
}

/**
 * `GET {base}/oauth2/authorize?client_id=..&scope=A+B&session=False&state=..`. Scopes are
 * `+`-separated (URLSearchParams encodes the space that way). `session=False` makes Square ask
 * the seller to sign in instead of reusing a browser session, so the right account connects.
 */
function authorizeUrl(input: { state: string; redirectUri: string; app: AppCredentials; baseUrl: string }): string {
  const { clientId } = requireApp(input.app, false);
  const query = new URLSearchParams({
    client_id: clientId,
    scope: SQUARE_SCOPES.join(" "),
    session: "False",
    state: input.state,
    redirect_uri: input.redirectUri,
  });
  return `${input.baseUrl.replace(/\/+$/, "")}${SQUARE_AUTHORIZE_PATH}?${query}`;
}

/** `expires_at` is an ISO-8601 string, not `expires_in` seconds [forum t/oauth2-spec-expires-at/3900]. */
function toTokenSet(res: Square.ObtainTokenResponse, previousRefreshToken?: string): TokenSet {
  if (!res.accessToken) {
    throw new AppError("PROVIDER_UNAVAILABLE", "Square ObtainToken returned no access token", {
      details: { httpStatus: 200, vendorCode: "NO_ACCESS_TOKEN" },
    });
  }
  const expiresAt = res.expiresAt ? new Date(res.expiresAt) : undefined;
  return {
    accessToken: res.accessToken,
    // Code-flow refresh returns the same refresh token; keep ours if it is ever omitted.
    refreshToken: res.refreshToken ?? previousRefreshToken,
    expiresAt: expiresAt && !Number.isNaN(expiresAt.getTime()) ? expiresAt : undefined,
    merchantId: res.merchantId,
  };
}

async function obtainToken(
  op: string,
  input: { baseUrl: string; timeoutMs: number },
  request: Square.ObtainTokenRequest,
): Promise<Square.ObtainTokenResponse> {
  const { client, options } = squareOAuthFor(input);
  // A 4xx from the token endpoint (used/expired code, revoked refresh token, wrong secret) always
  // means the seller has to connect again: PROVIDER_AUTH, never a retry.
  return callSquare(op, () => client.oAuth.obtainToken(request, options), { authOnReject: true });
}

export const squareOAuth: OAuthCapability = {
  authorizeUrl,
  async exchangeCode(input) {
    const app = requireApp(input.app, true);
    const res = await obtainToken("ObtainToken(authorization_code)", input, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      grantType: "authorization_code",
      code: input.code,
      redirectUri: input.redirectUri,
    });
    return toTokenSet(res);
  },
  async refreshToken(input) {
    const app = requireApp(input.app, true);
    const res = await obtainToken("ObtainToken(refresh_token)", input, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      grantType: "refresh_token",
      refreshToken: input.refreshToken,
    });
    return toTokenSet(res, input.refreshToken);
  },
};
