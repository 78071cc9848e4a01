import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so leaked keys are recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "sb_live_";

/** 32 random bytes → 43 base64url characters after the prefix. */
const KEY_PATTERN = /^sb_live_[A-Za-z0-9_-]{43}$/;

/** How much of the key the UI may show: the fixed prefix plus six random characters. */
const DISPLAY_LENGTH = API_KEY_PREFIX.length + 6;

/**
 * SHA-256 without a salt or a slow KDF is enough here: the key carries 256 bits of
 * randomness, so there is no dictionary to attack, and a deterministic hash lets us look a
 * presented key up through the unique index instead of comparing against every row.
 */
export function hashApiKey(plaintext: string) {
  return createHash("sha256").update(plaintext, "utf8").digest("hex");
}

export function displayPrefix(plaintext: string) {
  return plaintext.slice(0, DISPLAY_LENGTH);
}

/** Cheap shape check, so garbage never reaches the database. */
export function isWellFormedApiKey(value: string) {
  return KEY_PATTERN.test(value);
}

/** A fresh key: the plaintext goes to the caller once, only the hash and prefix are stored. */
export function generateApiKey() {
  const plaintext = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { plaintext, prefix: displayPrefix(plaintext), hash: hashApiKey(plaintext) };
}
