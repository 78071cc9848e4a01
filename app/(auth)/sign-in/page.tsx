import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "~/components/auth/sign-in-form";
import { auth } from "~/server/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await auth()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-8 mt-1 text-sm text-zinc-500">Welcome back. Your orders kept flowing while you were away.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
