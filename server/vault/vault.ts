import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "~/server/errors";
import { keyring, type Keyring } from "./keyring";

export type Sealed = { ciphertext: string; keyId: string };

const VERSION = "v1";

/**
 * AES-256-GCM with a fresh 96-bit IV per value. `context` is bound as additional
 * authenticated data (e.g. "connection:<id>"), so a ciphertext copied onto another row
 * fails to open. The key id is stored beside the ciphertext so keys can be rotated.
 */
export function seal(value: unknown, context: string, ring: Keyring = keyring()): Sealed {
  const key = ring.keys.get(ring.activeKeyId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    ciphertext: [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join("."),
    keyId: ring.activeKeyId,
  };
}

export function open<T>(sealed: Sealed, context: string, ring: Keyring = keyring()): T {
  const key = ring.keys.get(sealed.keyId);
  if (!key) throw new AppError("INTERNAL", `Vault key "${sealed.keyId}" is not configured`);
  const [version, iv, tag, body] = sealed.ciphertext.split(".");
  if (version !== VERSION || !iv || !tag || !body) throw new AppError("INTERNAL", "Malformed vault ciphertext");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as T;
  } catch (cause) {
    // Never include the ciphertext or key material in the error.
    throw new AppError("INTERNAL", "Vault could not open a value (wrong key or tampered data)", { cause });
  }
}

/** Re-seal with the active key when a value was sealed with an older one (rotation). */
export function needsRotation(sealed: Sealed, ring: Keyring = keyring()) {
  return sealed.keyId !== ring.activeKeyId;
}
