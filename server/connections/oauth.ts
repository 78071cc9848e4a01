import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { oauthStates } from "~/db/schema";
import { AppError } from "~/server/errors";
import { getProvider } from "~/server/integrations/registry";
import { providerRuntime } from "~/server/integrations/runtime";
import { findOrgRestaurant } from "~/server/restaurants/queries";
import { tokensToCredentials } from "./credentials";
import { saveConnection } from "./manage";

const STATE_TTL_MS = 10 * 60_000;
const hash = (state: string) => createHash("sha256").update(state).digest("hex");

/** Begin "Connect <provider>": remember a random single-use state and build the vendor's authorize URL. */
export async function startOAuth(
  db: Db,
  input: { organizationId: string; userId: string; restaurantId: string; provider: string; redirectUri: string },
) {
  const provider = getProvider(input.provider);
  if (!provider.oauth) throw new AppError("BAD_REQUEST", `${provider.metadata.name} does not connect with OAuth`);
  if (!(await findOrgRestaurant(db, input.organizationId, input.restaurantId))) {
    throw new AppError("NOT_FOUND", "Restaurant not found");
  }
  const state = randomBytes(32).toString("base64url");
  await db.insert(oauthStates).values({
    stateHash: hash(state),
    provider: provider.metadata.id,
    organizationId: input.organizationId,
    restaurantId: input.restaurantId,
    userId: input.userId,
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  const rt = providerRuntime(provider.metadata.id);
  return provider.oauth.authorizeUrl({ state, redirectUri: input.redirectUri, app: rt.app, baseUrl: rt.baseUrl });
}

/**
 * The vendor's redirect back. The state is consumed atomically (unused, unexpired, same
 * provider) before anything else, so a replayed or forged callback stores nothing. The
 * signed-in user must be the one who started the flow.
 */
export async function completeOAuth(
  db: Db,
  input: { provider: string; state: string | null; code: string | null; error: string | null; userId: string; redirectUri: string },
) {
  if (!input.state) throw new AppError("BAD_REQUEST", "The authorization response is missing its state");
  const [pending] = await db
    .update(oauthStates)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oauthStates.stateHash, hash(input.state)),
        eq(oauthStates.provider, input.provider),
        eq(oauthStates.userId, input.userId),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!pending) throw new AppError("BAD_REQUEST", "This connection link has expired or was already used. Start again from Integrations.");
  if (input.error) throw new AppError("BAD_REQUEST", input.error === "access_denied" ? "Access was not granted, so nothing was connected." : `The provider returned an error: ${input.error}`);
  if (!input.code) throw new AppError("BAD_REQUEST", "The authorization response is missing its code");

  const provider = getProvider(input.provider);
  const rt = providerRuntime(input.provider);
  const tokens = await provider.oauth!.exchangeCode({ code: input.code, redirectUri: input.redirectUri, app: rt.app, baseUrl: rt.baseUrl, timeoutMs: 10_000 });
  const conn = await saveConnection(
    db,
    { organizationId: pending.organizationId, userId: pending.userId },
    { restaurantId: pending.restaurantId, provider: input.provider, credentials: tokensToCredentials(tokens), merchantId: tokens.merchantId },
  );
  return { connection: conn, restaurantId: pending.restaurantId };
}
