/**
 * The one place where our money (a JS number of integer minor units) meets the SDK's (`bigint`
 * minor units). On the wire Square money is `{amount: <integer, smallest denomination>,
 * currency}` [square-nodejs-sdk Money.ts; docs "Working with Monetary Amounts"].
 */
import type { Square } from "square";
import { AppError } from "~/server/errors";

export function toSquareMoney(amount: number, currency: string): Square.Money {
  // A fraction here means someone passed major units: refuse rather than charge 100x less.
  if (!Number.isSafeInteger(amount)) {
    throw new AppError("PROVIDER_REJECTED", `Money must be integer minor units, got ${amount} ${currency}`, {
      details: { httpStatus: null, vendorCode: "INVALID_MONEY" },
    });
  }
  return { amount: BigInt(amount), currency: currency.toUpperCase() as Square.Currency };
}

/** SDK responses carry `bigint` (or a plain number when skipValidation kept the raw value). */
export function fromSquareAmount(amount: bigint | number | null | undefined): number | undefined {
  if (amount === null || amount === undefined) return undefined;
  const n = Number(amount);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Square quantities are strings with up to 5 decimals (`"1"`, `"0.5"`)
 * [square-nodejs-sdk OrderLineItem.ts `quantity`].
 */
export function toSquareQuantity(quantity: number, opts: { allowZero?: boolean } = {}): string {
  const ok = Number.isFinite(quantity) && (opts.allowZero ? quantity >= 0 : quantity > 0);
  if (!ok) {
    throw new AppError("PROVIDER_REJECTED", `Invalid quantity ${quantity}`, {
      details: { httpStatus: null, vendorCode: "INVALID_QUANTITY" },
    });
  }
  if (Number.isInteger(quantity)) return String(quantity);
  return quantity.toFixed(5).replace(/0+$/, "").replace(/\.$/, "");
}
