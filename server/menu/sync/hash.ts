/**
 * Content hashes of normalized menu rows. A row whose hash matches the stored one is not
 * written at all. Rows with availability carry the POS's word on it as a suffix
 * (`<digest>:a` / `<digest>:u`), so a sync can tell "the POS changed availability" (apply it)
 * from "the seller 86'd it here and the POS still says the same" (keep the seller's choice).
 */
import { createHash } from "node:crypto";

export function digest(fields: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url").slice(0, 24);
}

export function withAvailability(contentDigest: string, available: boolean): string {
  return `${contentDigest}:${available ? "a" : "u"}`;
}

/** The two parts of a stored hash; `availability` is null for rows without it. */
export function splitHash(hash: string): { content: string; availability: string | null } {
  const at = hash.lastIndexOf(":");
  return at < 0 ? { content: hash, availability: null } : { content: hash.slice(0, at), availability: hash.slice(at + 1) };
}
