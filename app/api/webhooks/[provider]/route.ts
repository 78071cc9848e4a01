import { webhookPOST } from "~/server/webhooks/route-handler";

/** POST /api/webhooks/:provider — vendor webhooks (e.g. Square's subscription URL). */
export const POST = webhookPOST;
export const dynamic = "force-dynamic";
