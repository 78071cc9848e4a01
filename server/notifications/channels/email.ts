import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { DeliveryError, scrubRecipients, type NotificationChannel, type OutboundMessage } from "./types";

export type EmailConfig = {
  /** smtp://user:pass@host:port (smtps:// for implicit TLS). Unset → the channel is not configured. */
  smtpUrl?: string | null;
  from: string;
  /** Socket timeouts, so a dead server cannot hold a delivery run. */
  timeoutMs?: number;
};

const address = z.email();

type SmtpError = Error & { code?: string; responseCode?: number; command?: string };

/** SMTP replies: 5xx on the envelope means the address is refused for good; 4xx is "try later". */
function classify(error: unknown, recipient: string): DeliveryError {
  const e = error as SmtpError;
  const message = scrubRecipients(e?.message ?? String(error), recipient);
  const details = { code: e?.code, status: e?.responseCode };
  if (e?.code === "EENVELOPE" && e.responseCode && e.responseCode >= 500) {
    return new DeliveryError("permanent", `Recipient rejected by the mail server: ${message}`, details);
  }
  return new DeliveryError("retry", `Email send failed: ${message}`, details);
}

/** Email over SMTP with nodemailer; one pooled transport per channel. */
export function createEmailChannel(config: EmailConfig): NotificationChannel {
  let transport: Transporter | null = null;
  const timeout = config.timeoutMs ?? 15_000;
  return {
    name: "email",
    async send(m: OutboundMessage) {
      if (!config.smtpUrl) throw new DeliveryError("not_configured", "email not configured (SMTP_URL is not set)");
      if (!address.safeParse(m.recipient).success) {
        throw new DeliveryError("permanent", "Invalid email address");
      }
      transport ??= nodemailer.createTransport(config.smtpUrl, {
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      } as Parameters<typeof nodemailer.createTransport>[1]);
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: m.recipient,
          subject: m.title,
          text: m.body,
          // The same id on a resend lets a receiving server (or a human) spot a duplicate.
          messageId: `<${m.id}@switchboard.notifications>`,
        });
        return { providerMessageId: typeof info.messageId === "string" ? info.messageId : null };
      } catch (error) {
        throw classify(error, m.recipient);
      }
    },
  };
}
