"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUpAction, type FormState } from "~/app/(auth)/actions";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormAlert } from "./form-alert";

export function SignUpForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={state.error} />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={v?.name} errors={e?.name} />
      <Field label="Business name" name="organizationName" autoComplete="organization" required defaultValue={v?.organizationName} errors={e?.organizationName} hint="Your first restaurant gets this name; add more locations later." />
      <Field label="Work email" name="email" type="email" autoComplete="email" required defaultValue={v?.email} errors={e?.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required errors={e?.password} hint="At least 10 characters." />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-zinc-500">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
