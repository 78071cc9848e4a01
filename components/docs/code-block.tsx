/** A titled, scrollable code sample; dark so it reads as "paste this", not as prose. */
export function CodeBlock({ title, code }: { title: string; code: string }) {
  return (
    <figure className="min-w-0 overflow-hidden rounded-lg border border-zinc-800 bg-zinc-950">
      <figcaption className="border-b border-zinc-800 px-4 py-2 text-xs font-medium text-zinc-400">{title}</figcaption>
      <pre className="max-h-[28rem] overflow-auto px-4 py-3 text-xs leading-relaxed text-zinc-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
