import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as providerPOST } from "~/app/api/webhooks/[provider]/route";
import { POST as pathPOST } from "~/app/api/webhooks/[provider]/[...path]/route";

/**
 * Our webhook route handlers behind a real local HTTP server, so a provider's fake can deliver
 * to them exactly as the vendor would (real signed POSTs). Requests become WHATWG `Request`s
 * with the URL the fake called, and go to the handler Next would route them to.
 */
export async function startWebhookReceiver() {
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const url = `${origin}${req.url ?? "/"}`;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await callWebhookRoute(new Request(url, { method: req.method, headers, body: req.method === "POST" ? new Uint8Array(body) : undefined }));
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Next's routing for /api/webhooks/:provider and /api/webhooks/:provider/...path. */
export function callWebhookRoute(req: Request): Promise<Response> {
  const segments = new URL(req.url).pathname.split("/").filter(Boolean).slice(2).map(decodeURIComponent);
  const [provider = "", ...path] = segments;
  if (path.length === 0) return providerPOST(req, { params: Promise.resolve({ provider }) });
  return pathPOST(req, { params: Promise.resolve({ provider, path }) });
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
