import bcrypt from "bcryptjs";

// bcrypt cost 11 ≈ 100 ms on one core here: slow enough to blunt guessing, fast enough for sign-in.
const COST = 11;

export function hashPassword(plain: string) {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string) {
  return bcrypt.compare(plain, hash);
}

/**
 * A hash of nothing, compared against when the email is unknown so a missing account takes
 * as long to reject as a wrong password (no user enumeration by timing).
 */
export const DUMMY_HASH = "$2b$11$Px2vAQujp.qpGLmIwi70zuF1O1L6TM6b3BmR0JzCrSPXtLVxf1Qhi";
