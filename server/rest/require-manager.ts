import { AppError } from "~/server/errors";
import { roleAtLeast } from "~/server/tenancy/membership";
import type { ApiCaller } from "./caller";

/** Changing a POS connection needs a manager or owner; an API key acts for the organization. */
export function requireManager(caller: ApiCaller) {
  if (caller.kind === "user" && !(caller.role && roleAtLeast(caller.role, "manager"))) {
    throw new AppError("FORBIDDEN", "This needs the manager role or higher");
  }
}
