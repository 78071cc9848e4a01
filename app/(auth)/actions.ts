"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "~/db";
import { signIn, signOut } from "~/server/auth";
import { signInSchema } from "~/server/auth/credentials";
import { safeCallbackUrl } from "~/server/auth/redirect";
import { isAppError } from "~/server/errors";
import { logger } from "~/server/logger";
import { signUp, signUpSchema } from "~/server/tenancy/sign-up";

export type FormState = {
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
};

const text = (fd: FormData, k: string) => (typeof fd.get(k) === "string" ? (fd.get(k) as string) : "");

async function signInOrError(email: string, password: string, redirectTo: string): Promise<FormState | never> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (e) {
    // A successful sign-in throws Next's redirect, which must propagate; only auth failures stop here.
    if (e instanceof AuthError) {
      logger.info("auth.sign_in_rejected", { type: e.type });
      return { error: "Incorrect email or password.", values: { email } };
    }
    throw e;
  }
  return {};
}

export async function signInAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = { email: text(fd, "email") };
  const parsed = signInSchema.safeParse({ email: values.email, password: text(fd, "password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  return signInOrError(parsed.data.email, parsed.data.password, safeCallbackUrl(fd.get("callbackUrl")));
}

export async function signUpAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = { name: text(fd, "name"), email: text(fd, "email"), organizationName: text(fd, "organizationName") };
  const parsed = signUpSchema.safeParse({ ...values, password: text(fd, "password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await signUp(await getDb(), parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") {
      return { fieldErrors: e.details?.fieldErrors as FormState["fieldErrors"], values };
    }
    throw e;
  }
  return signInOrError(parsed.data.email, parsed.data.password, "/overview");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
