import type { IncomingMessage, ServerResponse } from "node:http";

/** A fake's answer: JSON by default, with optional extra headers. */
export type JsonReply = { status: number; json: unknown; headers?: Record<string, string> };

/** The whole request body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Answer with JSON, unless the client already went away (a delayed reply after a timeout). */
export function writeJson(res: ServerResponse, r: JsonReply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(r.status, { "content-type": "application/json", ...r.headers });
  res.end(JSON.stringify(r.json));
}
