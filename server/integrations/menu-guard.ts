/**
 * Row checks every menu normalizer applies the same way (NormalizedMenu contract): a bad row is
 * reported in `errors` and skipped, never thrown, so one broken item cannot stop a menu sync.
 */
import type { NormalizedMenu } from "./types";

export type MenuRowError = NormalizedMenu["errors"][number];

/**
 * 1,000,000.00 in a two-decimal currency. No dish costs more; a bigger number is a data-entry
 * slip (or major units read as minor) and would poison totals, so it is refused.
 */
export const MAX_MENU_PRICE_MINOR = 100_000_000;

/** A price in minor units, or an error message when it is absurd. `null` (priced at sale) is fine. */
export function priceProblem(price: number | null | undefined): string | null {
  if (price === null || price === undefined) return null;
  if (!Number.isSafeInteger(price)) return `price ${price} is not an integer amount`;
  if (price < 0) return `negative price ${price}`;
  if (price > MAX_MENU_PRICE_MINOR) return `price ${price} is above the ${MAX_MENU_PRICE_MINOR} limit`;
  return null;
}

/** Remembers ids already taken in one id space (items, variations, …) and reports repeats. */
export function idRegistry(kind: string, errors: MenuRowError[]) {
  const seen = new Set<string>();
  return (id: string): boolean => {
    if (seen.has(id)) {
      errors.push({ kind: "duplicate_id", externalId: id, message: `Duplicate ${kind} id ${id}: the first one was kept` });
      return false;
    }
    seen.add(id);
    return true;
  };
}
