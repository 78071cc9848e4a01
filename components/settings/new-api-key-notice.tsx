"use client";

import { Check, Copy, TriangleAlert } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "~/components/ui/button";

/**
 * The one and only time a key's plaintext is shown: we store just its hash, so once this is
 * dismissed nobody, us included, can show it again.
 */
export function NewApiKeyNotice({ name, plaintext, onDone }: { name: string; plaintext: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(plaintext);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): select it for a manual copy.
      inputRef.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p className="flex items-start gap-2 text-sm font-medium text-amber-900">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          Copy the key for “{name}” now. It won&apos;t be shown again; if you lose it, revoke it and create a new one.
        </span>
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-api-key" className="sr-only">New API key</label>
        <input
          id="new-api-key"
          ref={inputRef}
          readOnly
          value={plaintext}
          onFocus={(e) => e.currentTarget.select()}
          className="h-10 min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 font-mono text-sm text-zinc-900 shadow-sm focus:outline-none focus:ring-2 focus:ring-amber-500/30"
        />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied === "yes" ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button type="button" onClick={onDone}>I&apos;ve saved it</Button>
      </div>
      {copied === "failed" ? <p className="text-xs text-amber-900">Couldn&apos;t reach the clipboard: the key is selected, press Ctrl+C / ⌘C.</p> : null}
    </div>
  );
}
