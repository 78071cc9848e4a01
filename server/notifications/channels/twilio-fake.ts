/**
 * A wire-true fake of Twilio's Messages API for tests and the dev sandbox:
 *   POST /2010-04-01/Accounts/{AccountSid}/Messages.json   (form: To, From, Body; Basic sid:token)
 *   GET  /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json
 * Answers 201 with a Message resource, or Twilio's error body `{code, message, more_info, status}`.
 * Twilio's magic test numbers behave as documented: +15005550001 → 21211 (invalid),
 * +15005550009 → 21614 (not a mobile number). Faults are injected per test through `faults`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_TWILIO_ACCOUNT_SID = `AC${"0".repeat(31)}1`;
export const FAKE_TWILIO_AUTH_TOKEN = "fake-twilio-auth-token";

export type FakeTwilioMessage = {
  sid: string;
  account_sid: string;
  to: string;
  from: string;
  body: string;
  status: "queued";
  date_created: string;
};

export type TwilioFault = {
  status: 400 | 401 | 404 | 429 | 500 | 503;
  code?: number;
  message?: string;
  retryAfterSeconds?: number;
  /** How many requests it hits; default 1. */
  times?: number;
  /** Process the request, then answer late (ms) instead of failing. */
  delayMs?: never;
} | { delayMs: number; times?: number; status?: never };

const DEFAULT_FAULTS: Record<number, [number, string]> = {
  400: [21211, "The 'To' number is not a valid phone number."],
  401: [20003, "Authenticate"],
  404: [20404, "The requested resource was not found"],
  429: [20429, "Too Many Requests"],
  500: [20500, "Internal Server Error"],
  503: [20503, "Service Unavailable"],
};

const E164 = /^\+[1-9]\d{6,14}$/;
const MAGIC: Record<string, [number, string]> = {
  "+15005550001": [21211, "The 'To' number %s is not a valid phone number."],
  "+15005550009": [21614, "'To' number %s is not a valid mobile number"],
};

type Out = { status: number; json: unknown; headers?: Record<string, string> };

const twilioError = (status: number, code: number, message: string): Out => ({
  status,
  json: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

export async function startFakeTwilio(opts: { port?: number; accountSid?: string; authToken?: string } = {}) {
  const accountSid = opts.accountSid ?? FAKE_TWILIO_ACCOUNT_SID;
  const authToken = opts.authToken ?? FAKE_TWILIO_AUTH_TOKEN;
  const messages: FakeTwilioMessage[] = [];
  const requests: { method: string; path: string; at: number }[] = [];
  let queue: { fault: TwilioFault; remaining: number }[] = [];
  /** Numbers that answer 21211 (besides non-E.164 input and the magic numbers). */
  const invalidNumbers = new Set<string>();

  const faults = {
    next(fault: TwilioFault) {
      queue.push({ fault, remaining: fault.times ?? 1 });
    },
    clear() {
      queue = [];
    },
    get pending() {
      return queue.length;
    },
  };

  function takeFault(): TwilioFault | undefined {
    const hit = queue[0];
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) queue.shift();
    return hit.fault;
  }

  function authorized(req: IncomingMessage, sidInPath: string) {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Basic ")) return false;
    const [user, pass] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
    return user === accountSid && pass === authToken && sidInPath === accountSid;
  }

  function createMessage(form: URLSearchParams): Out {
    const to = form.get("To") ?? "";
    const from = form.get("From") ?? "";
    const body = form.get("Body") ?? "";
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!from) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!body) return twilioError(400, 21602, "Message body is required.");
    const whatsapp = to.startsWith("whatsapp:");
    if (whatsapp !== from.startsWith("whatsapp:")) return twilioError(400, 21910, "Invalid From and To pair. From and To should be of the same channel");
    const number = to.replace(/^whatsapp:/, "");
    const magic = MAGIC[number];
    if (magic) return twilioError(400, magic[0], magic[1].replace("%s", number));
    if (!E164.test(number) || invalidNumbers.has(number)) {
      return whatsapp
        ? twilioError(400, 63024, `Invalid message recipient ${to}`)
        : twilioError(400, 21211, `The 'To' number ${number} is not a valid phone number.`);
    }
    const now = new Date();
    const msg: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      account_sid: accountSid,
      to,
      from,
      body,
      status: "queued",
      date_created: now.toUTCString(),
    };
    messages.push(msg);
    return { status: 201, json: resource(msg) };
  }

  function resource(m: FakeTwilioMessage) {
    const uri = `/2010-04-01/Accounts/${m.account_sid}/Messages/${m.sid}.json`;
    return {
      ...m,
      api_version: "2010-04-01",
      date_updated: m.date_created,
      date_sent: null,
      direction: "outbound-api",
      error_code: null,
      error_message: null,
      messaging_service_sid: null,
      num_media: "0",
      num_segments: String(Math.max(1, Math.ceil(m.body.length / 160))),
      price: null,
      price_unit: "USD",
      uri,
      subresource_uris: { media: uri.replace(/\.json$/, "/Media.json") },
    };
  }

  async function handle(req: IncomingMessage, rawBody: string): Promise<Out> {
    const url = new URL(req.url ?? "/", "http://fake");
    const m = url.pathname.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages(?:\/([^/]+))?\.json$/);
    if (!m) return twilioError(404, 20404, "The requested resource was not found");
    if (!authorized(req, decodeURIComponent(m[1]!))) return twilioError(401, 20003, "Authenticate");
    if (req.method === "GET" && m[2]) {
      const found = messages.find((x) => x.sid === m[2]);
      return found ? { status: 200, json: resource(found) } : twilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    if (req.method !== "POST" || m[2]) return twilioError(405, 20004, "Method not allowed");
    const fault = takeFault();
    if (fault && fault.status !== undefined) {
      const [code, message] = DEFAULT_FAULTS[fault.status]!;
      const out = twilioError(fault.status, fault.code ?? code, fault.message ?? message);
      if (fault.retryAfterSeconds !== undefined) out.headers = { "Retry-After": String(fault.retryAfterSeconds) };
      return out;
    }
    const out = createMessage(new URLSearchParams(rawBody));
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    return out;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "GET", path: req.url ?? "/", at: Date.now() });
      handle(req, Buffer.concat(chunks).toString("utf8"))
        .then((out) => {
          res.writeHead(out.status, { "content-type": "application/json; charset=utf-8", ...out.headers });
          res.end(JSON.stringify(out.json));
        })
        .catch(() => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ code: 20500, message: "Internal Server Error", status: 500 }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    requests,
    faults,
    invalidNumbers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
