import { Inngest } from "inngest";
import { env } from "~/env";

/**
 * One client for the app. In production INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY come from
 * the Vercel integration; INNGEST_DEV points the SDK at a local dev server instead.
 */
export const inngest = new Inngest({
  id: "switchboard",
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  isDev: env.INNGEST_DEV ? true : undefined,
  baseUrl: env.INNGEST_DEV?.startsWith("http") ? env.INNGEST_DEV : undefined,
});
