/**
 * Name normalization for dish ↔ POS item matching: lowercase, accents stripped, punctuation and
 * repeated spaces removed, "&" read as "and". "Garlic Bread (6 Pieces)" and "Garlic Bread - 6
 * Pieces" both split into an item part and a variation part.
 */
export function normalizeName(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** "Item (Variation)", "Item - Variation", "Item – Variation", "Item / Variation" → both parts, normalized. */
export function splitVariation(raw: string): { item: string; variation: string } | null {
  const paren = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(raw);
  const dash = paren ? null : /^(.*\S)\s+[-–—/|]\s+(\S.*)$/.exec(raw);
  const m = paren ?? dash;
  if (!m) return null;
  const item = normalizeName(m[1]!);
  const variation = normalizeName(m[2]!);
  return item && variation ? { item, variation } : null;
}

/** Dice coefficient over word tokens and character bigrams, 0..1; equal normalized names are 1. */
export function nameSimilarity(a: string, b: string): number {
  const na = normalizeName(a);
  const nb = normalizeName(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const bigrams = (s: string) => {
    const out = new Map<string, number>();
    const t = s.replace(/ /g, "");
    for (let i = 0; i < t.length - 1; i++) out.set(t.slice(i, i + 2), (out.get(t.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ba = bigrams(na);
  const bb = bigrams(nb);
  let shared = 0;
  for (const [g, n] of ba) shared += Math.min(n, bb.get(g) ?? 0);
  const total = [...ba.values(), ...bb.values()].reduce((s, n) => s + n, 0);
  const charScore = total ? (2 * shared) / total : 0;
  const ta = new Set(na.split(" "));
  const tb = new Set(nb.split(" "));
  const common = [...ta].filter((t) => tb.has(t)).length;
  const tokenScore = (2 * common) / (ta.size + tb.size);
  return Math.max(charScore, tokenScore);
}
