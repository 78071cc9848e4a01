import { after } from "next/server";
import { getDb } from "~/db";
import { logger } from "~/server/logger";
import { receiveWebhook } from "./ingress";

type Params = { provider?: string | string[]; path?: string | string[] };

/**
 * The POST handler behind /api/webhooks/<provider>[/...path]. Never a bare 500 with
 * internals: a failure we did not foresee is logged and answered 500 so the vendor retries.
 */
export async function webhookPOST(req: Request, ctx: { params: Promise<Params> }): Promise<Response> {
  try {
    const params = await ctx.params;
    const provider = typeof params.provider === "string" ? params.provider : "";
    const path = Array.isArray(params.path) ? params.path : typeof params.path === "string" ? [params.path] : [];
    return await receiveWebhook(await getDb(), req, { provider, path }, { afterResponse: keepAliveAfterResponse });
  } catch (error) {
    logger.error("webhook.unhandled_error", { error });
    return Response.json({ ok: false, error: "Internal error" }, { status: 500 });
  }
}

/**
 * Next's `after`: the platform keeps the function alive until the work settles (Vercel's
 * waitUntil). Outside a Next request (tests, benches calling the handler directly) `after`
 * throws, and the already-running promise simply finishes on its own.
 */
function keepAliveAfterResponse(work: Promise<unknown>) {
  try {
    after(work);
  } catch {
    // Not in a request scope: nothing to keep alive.
  }
}
