import type { TwilioClient } from "./twilio";
import { DeliveryError, type NotificationChannel } from "./types";

export interface WhatsAppProvider {
  send(input: { to: string; body: string }): Promise<{ id: string }>;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const bare = (n: string) => n.replace(/^whatsapp:/, "").replace(/[\s().-]/g, "");

/** Twilio's WhatsApp sender: the same Messages API with "whatsapp:"-prefixed To and From. */
export function twilioWhatsAppProvider(client: TwilioClient, from: string | null | undefined): WhatsAppProvider {
  return {
    async send({ to, body }) {
      if (!from) throw new DeliveryError("not_configured", "whatsapp not configured (TWILIO_WHATSAPP_FROM is not set)");
      const msg = await client.sendMessage({ to: `whatsapp:${to}`, from: `whatsapp:${bare(from)}`, body });
      return { id: msg.sid };
    },
  };
}

export function createWhatsAppChannel(provider: WhatsAppProvider): NotificationChannel {
  return {
    name: "whatsapp",
    async send(m) {
      const to = bare(m.recipient);
      if (!E164.test(to)) throw new DeliveryError("permanent", "Invalid phone number (not E.164)");
      const { id } = await provider.send({ to, body: m.body });
      return { providerMessageId: id };
    },
  };
}
