/**
 * One interface for every outbound channel. A channel sends one message and either resolves
 * with the provider's id for it or throws a DeliveryError saying what the queue should do.
 */
export type OutboundMessage = {
  /** The notification row's id (for logs and provider idempotency, never the recipient). */
  id: string;
  recipient: string;
  title: string;
  body: string;
};

export type SendResult = { providerMessageId: string | null };

export interface NotificationChannel {
  readonly name: "email" | "sms" | "whatsapp";
  send(message: OutboundMessage): Promise<SendResult>;
}

/**
 * - permanent: will never succeed for this row (invalid recipient, rejected address): fail now.
 * - retry: transient (429, 5xx, network): back off and try again.
 * - not_configured: the channel has no credentials in this deployment: keep the row pending,
 *   do not spend an attempt, and say so in lastError.
 */
export type DeliveryErrorKind = "permanent" | "retry" | "not_configured";

export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    readonly details: { code?: string | number; status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}

export const isDeliveryError = (e: unknown): e is DeliveryError => e instanceof DeliveryError;

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi;
// Phone numbers: 8–15 digits, optionally "+"/"whatsapp:"-prefixed, single spaces/dots/dashes between.
const PHONE = /(?:whatsapp:)?\+?\d(?:[\s.-]?\d){7,14}/g;

/**
 * Recipients are personal data: strip them from any text we store or log (provider error
 * messages like Twilio's "The 'To' number +1415… is not a valid phone number" quote them).
 */
export function scrubRecipients(text: string, recipient?: string | null): string {
  let out = text;
  if (recipient) out = out.split(recipient).join("[recipient]");
  return out.replace(EMAIL, "[email]").replace(PHONE, "[phone]");
}
