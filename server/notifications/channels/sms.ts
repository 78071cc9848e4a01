import type { TwilioClient } from "./twilio";
import { DeliveryError, type NotificationChannel } from "./types";

/** Anything that can put a text on a phone; Twilio today, another vendor behind the same shape tomorrow. */
export interface SmsProvider {
  send(input: { to: string; body: string }): Promise<{ id: string }>;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export function twilioSmsProvider(client: TwilioClient, from: string | null | undefined): SmsProvider {
  return {
    async send({ to, body }) {
      if (!from) throw new DeliveryError("not_configured", "sms not configured (TWILIO_FROM is not set)");
      const msg = await client.sendMessage({ to, from, body });
      return { id: msg.sid };
    },
  };
}

export function createSmsChannel(provider: SmsProvider): NotificationChannel {
  return {
    name: "sms",
    async send(m) {
      const to = m.recipient.replace(/[\s().-]/g, "");
      // Not E.164: no provider will take it, so don't spend a call (or an attempt) finding out.
      if (!E164.test(to)) throw new DeliveryError("permanent", "Invalid phone number (not E.164)");
      const { id } = await provider.send({ to, body: m.body });
      return { providerMessageId: id };
    },
  };
}
