"use client";

import { AlertTriangle } from "lucide-react";
import { Button } from "~/components/ui/button";

/** A section of the admin console failed to load: say so inside the shell and offer a retry. */
export function AdminError({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-center justify-center rounded-xl border border-red-200 bg-red-50 px-6 py-14 text-center">
      <AlertTriangle className="size-6 text-red-600" aria-hidden />
      <h1 className="mt-3 text-base font-semibold text-zinc-900">Couldn&apos;t load {what}</h1>
      <p className="mt-1 max-w-md text-sm text-zinc-600">Nothing was changed. Try again; if it keeps failing, the reference is {error.digest ?? "n/a"}.</p>
      <Button className="mt-5" variant="secondary" onClick={reset}>Try again</Button>
    </div>
  );
}
