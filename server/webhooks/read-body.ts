/** Webhook bodies are small JSON notices; anything bigger is refused before it is read (DoS). */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/**
 * Reads the raw body as UTF-8 text, stopping as soon as it passes `limit` bytes: a lying or
 * missing Content-Length cannot make us buffer more than the limit.
 */
export async function readRawBody(req: Request, limit = MAX_WEBHOOK_BODY_BYTES): Promise<{ ok: true; text: string } | { ok: false }> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await req.body?.cancel().catch(() => undefined);
    return { ok: false };
  }
  if (!req.body) return { ok: true, text: "" };
  // A declared length frames the body (RFC 9112 §6.3): the server reads exactly that many
  // bytes, so a body within the limit can be taken whole, without the chunk loop below.
  if (Number.isFinite(declared) && req.headers.has("content-length")) return { ok: true, text: await req.text() };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, text: new TextDecoder("utf-8").decode(all) };
}
