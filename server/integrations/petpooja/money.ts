/**
 * The one place our money (integer minor units) meets PetPooja's: decimal rupee STRINGS such as
 * "140.00" or "45" [ref §2.2 "Money is almost always strings"; menu prices "290.00" ref §2.3].
 * save_order carries no currency field: amounts are the restaurant's currency, INR.
 */
import { AppError } from "~/server/errors";

export const PETPOOJA_CURRENCY = "INR";
/** Paise per rupee. */
const EXPONENT = 2;

export function assertPetpoojaCurrency(currency: string): void {
  if (currency.toUpperCase() !== PETPOOJA_CURRENCY) {
    throw new AppError("PROVIDER_REJECTED", `PetPooja takes INR amounts only; this order is in ${currency}`, {
      details: { httpStatus: null, vendorCode: "UNSUPPORTED_CURRENCY" },
    });
  }
}

/** 14000 paise → "140.00". Refuses fractions: those would be major units passed by mistake. */
export function toRupees(minor: number): string {
  if (!Number.isSafeInteger(minor)) {
    throw new AppError("PROVIDER_REJECTED", `Money must be integer minor units, got ${minor}`, { details: { httpStatus: null, vendorCode: "INVALID_MONEY" } });
  }
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const unit = 10 ** EXPONENT;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(EXPONENT, "0")}`;
}

/** "140.00" / "45" / "2.5" / 140 → paise; undefined when it is not a plain decimal. */
export function fromRupees(value: unknown): number | undefined {
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return undefined;
  const frac = (m[3] ?? "").padEnd(EXPONENT, "0");
  // More than 2 decimals: round half up on the third digit.
  const base = Number(m[2]) * 10 ** EXPONENT + Number(frac.slice(0, EXPONENT));
  const rounded = Number(frac[EXPONENT] ?? "0") >= 5 ? base + 1 : base;
  const n = m[1] === "-" ? -rounded : rounded;
  return Number.isSafeInteger(n) ? n : undefined;
}
