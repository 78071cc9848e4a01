import { env } from "~/env";
import { overrideTwilio } from "./index";
import { startFakeTwilio } from "./twilio-fake";

/**
 * Dev sandbox: when no real Twilio account is configured, start the Twilio fake and point the
 * SMS/WhatsApp adapter at it, so customer messages go through the real adapter end to end
 * (they land in the fake, not on phones). With TWILIO_ACCOUNT_SID set, nothing changes.
 */
export async function startTwilioSandbox() {
  if (env.TWILIO_ACCOUNT_SID) return null;
  const fake = await startFakeTwilio({ port: 0 });
  overrideTwilio({
    baseUrl: fake.url,
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    from: "+15005550006",
    whatsappFrom: "+14155238886",
  });
  return fake;
}
