import { env } from "~/env";
import { createEmailChannel } from "./email";
import { createSmsChannel, twilioSmsProvider } from "./sms";
import { createTwilioClient } from "./twilio";
import type { NotificationChannel } from "./types";
import { createWhatsAppChannel, twilioWhatsAppProvider } from "./whatsapp";

export type Channels = Partial<Record<"email" | "sms" | "whatsapp", NotificationChannel>>;

export type TwilioRuntime = { baseUrl: string; accountSid: string; authToken: string; from: string; whatsappFrom: string };
type Global = { __switchboardChannels?: Channels; __switchboardTwilioOverride?: TwilioRuntime };
const g = globalThis as Global;

/** Point the Twilio adapter somewhere else (the dev sandbox's fake). Resets the cached channels. */
export function overrideTwilio(rt: TwilioRuntime | null) {
  g.__switchboardTwilioOverride = rt ?? undefined;
  g.__switchboardChannels = undefined;
}

/** The channels this deployment is configured with, built once per process. */
export function defaultChannels(): Channels {
  if (g.__switchboardChannels) return g.__switchboardChannels;
  const rt = g.__switchboardTwilioOverride ?? {
    baseUrl: env.TWILIO_BASE_URL,
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    from: env.TWILIO_FROM,
    whatsappFrom: env.TWILIO_WHATSAPP_FROM,
  };
  const twilio = createTwilioClient(rt);
  g.__switchboardChannels = {
    email: createEmailChannel({ smtpUrl: env.SMTP_URL, from: env.SMTP_FROM }),
    sms: createSmsChannel(twilioSmsProvider(twilio, rt.from)),
    whatsapp: createWhatsAppChannel(twilioWhatsAppProvider(twilio, rt.whatsappFrom)),
  };
  return g.__switchboardChannels;
}

export * from "./types";
