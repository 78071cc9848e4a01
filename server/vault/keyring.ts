import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env";

export type Keyring = { activeKeyId: string; keys: Map<string, Buffer> };

/** Parse "kid:base64key,kid2:base64key2": the first key seals, all of them open. */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let activeKeyId = "";
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [kid, b64] = part.includes(":") ? (part.split(":", 2) as [string, string]) : ["k1", part];
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new Error(`APP_ENCRYPTION_KEY entry "${kid}" must be 32 bytes of base64`);
    if (keys.has(kid)) throw new Error(`APP_ENCRYPTION_KEY repeats key id "${kid}"`);
    keys.set(kid, key);
    activeKeyId ||= kid;
  }
  if (!activeKeyId) throw new Error("APP_ENCRYPTION_KEY has no keys");
  return { activeKeyId, keys };
}

/**
 * Development and tests need no setup: a key is generated once under .data/ and reused, so
 * stored credentials survive restarts. Production refuses to start without APP_ENCRYPTION_KEY
 * (env.ts), so this fallback never runs there.
 */
function devKeySpec(): string {
  const file = path.join(process.cwd(), ".data", "encryption-key");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    const spec = `dev1:${randomBytes(32).toString("base64")}`;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, spec, { mode: 0o600 });
    return spec;
  }
}

let cached: Keyring | null = null;

export function keyring(): Keyring {
  cached ??= parseKeyring(env.APP_ENCRYPTION_KEY ?? devKeySpec());
  return cached;
}
