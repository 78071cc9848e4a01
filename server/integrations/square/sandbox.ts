import { randomBytes } from "node:crypto";
import type { AppCredentials } from "../types";
import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_CLIENT_SECRET, startFakeSquare, type FakeSquare } from "./fake";

/**
 * Square's local fake as a sandbox: its URL and the demo app credentials it accepts. A webhook
 * subscription is registered on the fake pointing at our own route, signed with a fresh key
 * our ingress knows (app.extra), so kitchen changes in the fake reach the order page.
 */
export async function startSquareSandbox(
  port: number,
  opts: { appUrl?: string; webhookUrl?: string } = {},
): Promise<{ fake: FakeSquare; runtime: { baseUrl: string; app: AppCredentials } }> {
  const fake = await startFakeSquare({ port });
  const app: AppCredentials = { clientId: FAKE_SQUARE_CLIENT_ID, clientSecret: FAKE_SQUARE_CLIENT_SECRET };
  if (!opts.appUrl && !opts.webhookUrl) return { fake, runtime: { baseUrl: fake.url, app } };
  const webhookUrl = opts.webhookUrl ?? `${opts.appUrl!.replace(/\/$/, "")}/api/webhooks/square`;
  const webhookSignatureKey = `sandbox-sig-${randomBytes(16).toString("hex")}`;
  fake.subscribe({ notificationUrl: webhookUrl, signatureKey: webhookSignatureKey });
  return { fake, runtime: { baseUrl: fake.url, app: { ...app, extra: { webhookSignatureKey, webhookUrl } } } };
}
