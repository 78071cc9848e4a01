import { DeliveryError, scrubRecipients } from "./types";

/**
 * A Twilio-compatible Messages API client: POST {base}/2010-04-01/Accounts/{sid}/Messages.json,
 * form-encoded To/From/Body, HTTP Basic auth sid:token. Errors come back as Twilio's
 * `{code, message, more_info, status}` body and are classified for the delivery queue.
 */
export type TwilioConfig = {
  baseUrl: string;
  accountSid?: string | null;
  authToken?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type TwilioErrorBody = { code: number; message: string; more_info?: string; status: number };

/**
 * Error codes that mean "this recipient can never get this message": retrying is pointless.
 * 21211 invalid 'To' number · 21612 cannot route to this number · 21614 not a mobile number ·
 * 21610 recipient replied STOP · 63003 WhatsApp: no such channel address · 63024 invalid recipient.
 */
export const PERMANENT_RECIPIENT_CODES = new Set([21211, 21612, 21614, 21610, 63003, 63024]);

export type TwilioMessage = { sid: string; status: string };

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

export function classifyTwilioError(status: number, body: Partial<TwilioErrorBody> | null, retryAfterMs: number | undefined, to: string) {
  const code = typeof body?.code === "number" ? body.code : undefined;
  const message = scrubRecipients(body?.message ?? `HTTP ${status}`, to);
  const details = { code, status, retryAfterMs };
  const text = `Twilio ${status}${code ? ` (${code})` : ""}: ${message}`;
  if (code !== undefined && PERMANENT_RECIPIENT_CODES.has(code)) return new DeliveryError("permanent", text, details);
  if (status === 429 || status >= 500) return new DeliveryError("retry", text, details);
  // Credentials (20003) may be fixed by an operator: keep trying until attempts run out.
  if (status === 401 || status === 403) return new DeliveryError("retry", text, details);
  // Any other 4xx is a request Twilio will refuse again.
  return new DeliveryError("permanent", text, details);
}

export function createTwilioClient(config: TwilioConfig) {
  const doFetch = config.fetch ?? fetch;
  return {
    configured: Boolean(config.accountSid && config.authToken),
    async sendMessage(input: { to: string; from: string; body: string }): Promise<TwilioMessage> {
      if (!config.accountSid || !config.authToken) {
        throw new DeliveryError("not_configured", "Twilio not configured (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN)");
      }
      const url = `${config.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
      let res: Response;
      try {
        res = await doFetch(url, {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: new URLSearchParams({ To: input.to, From: input.from, Body: input.body }).toString(),
          signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.name : "network error";
        throw new DeliveryError("retry", `Twilio unreachable: ${reason}`);
      }
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      if (!res.ok) {
        throw classifyTwilioError(res.status, json as Partial<TwilioErrorBody> | null, parseRetryAfter(res.headers.get("retry-after")), input.to);
      }
      const msg = json as Partial<TwilioMessage> | null;
      if (!msg?.sid) throw new DeliveryError("retry", `Twilio answered ${res.status} without a message sid`);
      return { sid: msg.sid, status: msg.status ?? "queued" };
    },
  };
}

export type TwilioClient = ReturnType<typeof createTwilioClient>;
