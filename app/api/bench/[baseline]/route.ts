import { getDb } from "~/db";
import { webhookEvents } from "~/db/schema";
import { env } from "~/env";

export const dynamic = "force-dynamic";

/**
 * Baselines for bench/webhook-ingest.ts, served by the same Next.js request path as the
 * webhook routes so the ratio isolates what those routes do: `bare` only reads the body,
 * `insert` reads it and inserts one row. Not found unless BENCH_ROUTES is set.
 */
export async function POST(req: Request, ctx: { params: Promise<{ baseline: string }> }) {
  const { baseline } = await ctx.params;
  if (!env.BENCH_ROUTES || (baseline !== "bare" && baseline !== "insert")) return Response.json({ ok: false, error: "Not found" }, { status: 404 });
  const rawBody = await req.text();
  if (baseline === "insert") await (await getDb()).insert(webhookEvents).values({ provider: "bench", signatureValid: false, rawBody, status: "ignored" });
  return Response.json({ ok: true });
}
