/**
 * The one place our money (integer minor units) meets TouchBistro's: decimal STRINGS in major
 * units ("6.99", "2.0") [ref §3 bills/menus; §12 "decimal strings"]. The exponent is the
 * currency's (CAD/USD: 2). `money_format: "minor_int"` sends our integers unchanged, in case the
 * partner API differs [U].
 */
import { AppError } from "~/server/errors";

export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new AppError("PROVIDER_REJECTED", `Unknown currency ${currency}`, { details: { httpStatus: null, vendorCode: "UNSUPPORTED_CURRENCY" } });
  }
}

/** 699 (CAD) → "6.99". Refuses fractions: those would be major units passed by mistake. */
export function toDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) {
    throw new AppError("PROVIDER_REJECTED", `Money must be integer minor units, got ${minor}`, { details: { httpStatus: null, vendorCode: "INVALID_MONEY" } });
  }
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (exp === 0) return `${sign}${abs}`;
  const unit = 10 ** exp;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exp, "0")}`;
}

/** "6.99" / "2.0" / 6.99 → minor units; undefined when it is not a plain decimal. */
export function fromDecimalString(value: unknown, currency: string): number | undefined {
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return undefined;
  const exp = currencyExponent(currency);
  const frac = (m[3] ?? "").padEnd(exp + 1, "0");
  const base = Number(m[2]) * 10 ** exp + Number(frac.slice(0, exp) || "0");
  const rounded = Number(frac[exp] ?? "0") >= 5 ? base + 1 : base;
  const n = m[1] === "-" ? -rounded : rounded;
  return Number.isSafeInteger(n) ? n : undefined;
}
