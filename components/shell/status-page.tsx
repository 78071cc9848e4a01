import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Logo } from "./logo";

/** Full-page message for 403/404/500: what happened and a way forward. */
export function StatusPage({ code, title, description }: { code: string; title: string; description: string }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <Logo className="mb-10" />
      <p className="text-sm font-semibold text-brand-700">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-500">{description}</p>
      <Button asChild className="mt-8" variant="secondary">
        <Link href="/">Back to Switchboard</Link>
      </Button>
    </main>
  );
}
