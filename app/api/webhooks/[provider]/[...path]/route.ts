import { webhookPOST } from "~/server/webhooks/route-handler";

/** POST /api/webhooks/:provider/:kind[/:connectionId] — per-kind and per-restaurant webhook URLs (seed 002). */
export const POST = webhookPOST;
export const dynamic = "force-dynamic";
