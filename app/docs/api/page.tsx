import { FileJson, KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CodeBlock } from "~/components/docs/code-block";
import { EndpointSection, anchorOf } from "~/components/docs/endpoint-section";
import { MethodBadge } from "~/components/docs/method-badge";
import { Logo } from "~/components/shell/logo";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { API_ROUTES, ERROR_DESCRIPTIONS, type ErrorStatus, type RouteSpec } from "~/server/rest/routes";

export const metadata: Metadata = {
  title: "API reference",
  description: "Send marketplace orders to restaurant POS systems with the Switchboard REST API.",
};

const OPENAPI_URL = "/api/v1/openapi.json";

const ENVELOPE_OK = `{
  "success": true,
  "data": { "restaurants": [ … ] },
  "message": null
}`;
const ENVELOPE_ERROR = `{
  "success": false,
  "data": null,
  "message": "Validation failed",
  "errors": { "items.0.quantity": ["Too small: expected number to be >=1"] }
}`;

function byTag(routes: RouteSpec[]) {
  const groups = new Map<string, RouteSpec[]>();
  for (const r of routes) groups.set(r.tag, [...(groups.get(r.tag) ?? []), r]);
  return [...groups];
}

/** Public API reference, rendered from the same route list as the OpenAPI document. */
export default function ApiDocsPage() {
  const groups = byTag(API_ROUTES);
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6">
          <Link href="/" aria-label="Switchboard home">
            <Logo />
          </Link>
          <span className="hidden text-sm text-zinc-400 sm:inline">/</span>
          <span className="hidden text-sm font-medium text-zinc-600 sm:inline">API reference</span>
          <div className="ml-auto flex items-center gap-2">
            <Button asChild variant="secondary" size="sm">
              <a href={OPENAPI_URL}>
                <FileJson aria-hidden />
                OpenAPI 3.1
              </a>
            </Button>
            <Button asChild size="sm">
              <Link href="/settings#api-keys">
                <KeyRound aria-hidden />
                Get an API key
              </Link>
            </Button>
          </div>
        </div>
      </header>

      <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:grid lg:grid-cols-[14rem_1fr] lg:gap-10">
        <nav aria-label="Endpoints" className="hidden lg:block">
          <div className="sticky top-20 space-y-5 text-sm">
            <ul className="space-y-1.5">
              {[["authentication", "Authentication"], ["responses", "Responses"], ["errors", "Errors"]].map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`} className="text-zinc-600 hover:text-brand-700">{label}</a>
                </li>
              ))}
            </ul>
            {groups.map(([tag, routes]) => (
              <div key={tag}>
                <p className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-400">{tag}</p>
                <ul className="space-y-1.5">
                  {routes.map((r) => (
                    <li key={r.id}>
                      <a href={`#${anchorOf(r)}`} className="flex items-center gap-2 text-zinc-600 hover:text-brand-700">
                        <MethodBadge method={r.method} className="w-10 text-[10px]" />
                        <span className="truncate">{r.summary}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>

        <main className="min-w-0 space-y-10">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Switchboard API</h1>
            <p className="mt-2 max-w-3xl text-sm leading-relaxed text-zinc-600">
              Send marketplace orders to restaurants&apos; POS systems, and manage their POS integrations. All
              endpoints live under <code className="font-mono text-xs">/api/v1</code>, take and return JSON with
              snake_case fields, and express money as integer minor units (cents, paise…) of an ISO 4217 currency.
              The machine-readable spec is at{" "}
              <a href={OPENAPI_URL} className="font-medium text-brand-700 hover:underline">{OPENAPI_URL}</a>.
            </p>
          </div>

          <Card id="authentication" className="scroll-mt-20">
            <CardHeader title="Authentication" description="One API key per integration; each key acts for its organization." />
            <div className="space-y-3 px-5 py-4 text-sm leading-relaxed text-zinc-600">
              <p>
                Owners and managers create keys under <Link href="/settings#api-keys" className="font-medium text-brand-700 hover:underline">Settings → API keys</Link>.
                A key is shown once, when it is created: store it in your secret manager. Send it on every request:
              </p>
              <CodeBlock title="Header" code={`Authorization: Bearer sb_live_…`} />
              <p>
                A missing, wrong or revoked key is a <code className="font-mono text-xs">401</code>. Revoking a key in
                Settings takes effect on the next request. Calls from the signed-in Switchboard app use the session
                cookie instead; when an <code className="font-mono text-xs">Authorization</code> header is present it
                always decides, and the cookie is ignored.
              </p>
            </div>
          </Card>

          <Card id="responses" className="scroll-mt-20">
            <CardHeader title="Responses" description="Every response, success or error, uses the same envelope." />
            <div className="grid gap-4 px-5 py-4 xl:grid-cols-2">
              <CodeBlock title="Success" code={ENVELOPE_OK} />
              <CodeBlock title="Error" code={ENVELOPE_ERROR} />
            </div>
            <p className="px-5 pb-4 text-sm text-zinc-600">
              Responses are never cached (<code className="font-mono text-xs">Cache-Control: no-store</code>).
              Request bodies must be sent with <code className="font-mono text-xs">Content-Type: application/json</code>.
            </p>
          </Card>

          <Card id="errors" className="scroll-mt-20">
            <CardHeader title="Errors" description="Branch on the status code; the message is safe to show to people." />
            <dl className="divide-y divide-zinc-100 text-sm">
              {(Object.keys(ERROR_DESCRIPTIONS).map(Number) as ErrorStatus[]).map((status) => (
                <div key={status} className="grid gap-1 px-5 py-2.5 sm:grid-cols-[12rem_1fr]">
                  <dt className="font-medium text-zinc-900">
                    <span className="font-mono">{status}</span> {ERROR_DESCRIPTIONS[status].title}
                  </dt>
                  <dd className="text-zinc-600">{ERROR_DESCRIPTIONS[status].description}</dd>
                </div>
              ))}
            </dl>
          </Card>

          {groups.map(([tag, routes]) => (
            <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
              <h2 id={`tag-${tag}`} className="text-lg font-semibold text-zinc-900">{tag}</h2>
              {routes.map((r) => (
                <EndpointSection key={r.id} route={r} />
              ))}
            </section>
          ))}
        </main>
      </div>
    </div>
  );
}
