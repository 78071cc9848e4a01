"use client";

import { Button } from "~/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-red-600">Something went wrong</p>
      <h1 className="mt-2 text-xl font-semibold">We couldn&apos;t load this page</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-500">
        Your data is safe. Try again; if it keeps happening, share this reference with support: {error.digest ?? "n/a"}.
      </p>
      <Button className="mt-6" onClick={reset}>Try again</Button>
    </main>
  );
}
