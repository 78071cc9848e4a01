import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "~/components/auth/sign-up-form";
import { auth } from "~/server/auth";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await auth()) redirect("/");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mb-8 mt-1 text-sm text-zinc-500">Set up your business, then connect your POS.</p>
      <SignUpForm />
    </>
  );
}
