import { KeyRound } from "lucide-react";
import { Card } from "~/components/ui/card";
import { curlExample, exampleResponse, fieldRows } from "~/server/rest/docs";
import { ERROR_DESCRIPTIONS, type RouteSpec } from "~/server/rest/routes";
import { CodeBlock } from "./code-block";
import { FieldsTable } from "./fields-table";
import { MethodBadge } from "./method-badge";

/** `/pos/history/{businessId}` with the parameter set off, as readers scan for it. */
function PathLabel({ path }: { path: string }) {
  return (
    <code className="break-all font-mono text-sm font-semibold text-zinc-900">
      {path.split(/(\{\w+\})/).map((part, i) => (part.startsWith("{") ? <span key={i} className="text-brand-700">{part}</span> : part))}
    </code>
  );
}

/** Backticked words in a description render as code. */
function Prose({ text }: { text: string }) {
  return (
    <p className="max-w-3xl text-sm leading-relaxed text-zinc-600">
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") ? <code key={i} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs text-zinc-800">{part.slice(1, -1)}</code> : part,
      )}
    </p>
  );
}

export function anchorOf(route: RouteSpec) {
  return route.id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function EndpointSection({ route }: { route: RouteSpec }) {
  const success = route.successes.map((s) => s.status).join(" / ");
  return (
    <Card id={anchorOf(route)} className="scroll-mt-20">
      <div className="space-y-2 border-b border-zinc-100 px-5 py-4">
        <div className="flex flex-wrap items-center gap-2">
          <MethodBadge method={route.method} />
          <PathLabel path={route.path} />
        </div>
        <h3 className="text-base font-semibold text-zinc-900">{route.summary}</h3>
        <Prose text={route.description} />
        <p className="flex items-center gap-1.5 text-xs text-zinc-500">
          <KeyRound className="size-3.5" aria-hidden />
          {route.auth === "required" ? "API key (Authorization: Bearer) or a signed-in session" : "No authentication"}
        </p>
      </div>
      <div className="space-y-5 px-5 py-4">
        <section aria-label="Parameters" className="space-y-2">
          <h4 className="text-sm font-semibold text-zinc-900">Parameters</h4>
          <FieldsTable rows={fieldRows(route)} />
        </section>
        <div className="grid gap-4 xl:grid-cols-2">
          <CodeBlock title="Example request" code={curlExample(route)} />
          <CodeBlock title={`Example response · ${success}`} code={exampleResponse(route)} />
        </div>
        <p className="text-xs text-zinc-500">
          Errors:{" "}
          {route.errors.map((status, i) => (
            <span key={status}>
              {i ? ", " : ""}
              <a href="#errors" className="font-mono hover:text-brand-700 hover:underline" title={ERROR_DESCRIPTIONS[status].description}>
                {status}
              </a>
            </span>
          ))}
        </p>
      </div>
    </Card>
  );
}
