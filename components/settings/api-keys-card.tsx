"use client";

import { useQuery } from "@tanstack/react-query";
import { BookOpen, KeyRound } from "lucide-react";
import Link from "next/link";
import { FormAlert } from "~/components/auth/form-alert";
import { formatDateTime, timeAgo } from "~/components/format";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

/** The organization's REST API keys. Everyone sees them; `canManage` (manager+) creates and revokes. */
export function ApiKeysCard({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  return (
    <Card id="api-keys" className="scroll-mt-20">
      <CardHeader
        title="API keys"
        description="Let the marketplace backend send orders and read sync status through the REST API."
        action={
          <Button asChild variant="secondary" size="sm">
            <Link href="/docs/api">
              <BookOpen aria-hidden />
              API docs
            </Link>
          </Button>
        }
      />
      {keys.isPending ? (
        <ul aria-busy="true" aria-label="Loading API keys" className="divide-y divide-zinc-100">
          {[0, 1].map((i) => (
            <li key={i} className="flex items-center justify-between gap-4 px-5 py-3">
              <div className="space-y-2">
                <div className="h-4 w-40 animate-pulse rounded bg-zinc-100" />
                <div className="h-3 w-64 animate-pulse rounded bg-zinc-100" />
              </div>
              <div className="h-5 w-14 animate-pulse rounded-full bg-zinc-100" />
            </li>
          ))}
        </ul>
      ) : keys.isError ? (
        <div className="space-y-3 px-5 py-4">
          <FormAlert message={`Couldn't load API keys: ${keys.error.message}`} />
          <Button variant="secondary" size="sm" onClick={() => void keys.refetch()}>Try again</Button>
        </div>
      ) : keys.data.length === 0 ? (
        <div className="flex items-center gap-3 px-5 py-4 text-sm text-zinc-500">
          <KeyRound className="size-4 shrink-0" aria-hidden />
          No API keys yet.{canManage ? " Create one for each system that calls the API." : ""}
        </div>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {keys.data.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-zinc-900">{k.name}</span>
                  <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">{k.prefix}…</code>
                </p>
                <p className="text-zinc-500">
                  Created {formatDateTime(k.createdAt)}
                  {k.createdByName ? ` by ${k.createdByName}` : ""} ·{" "}
                  {k.lastUsedAt ? <span title={formatDateTime(k.lastUsedAt)}>last used {timeAgo(k.lastUsedAt)}</span> : "never used"}
                </p>
              </div>
              <div className="flex items-center gap-2">
                {k.revokedAt ? (
                  <Badge title={`Revoked ${formatDateTime(k.revokedAt)}`}>Revoked</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
                {canManage && !k.revokedAt ? <RevokeApiKeyButton id={k.id} name={k.name} prefix={k.prefix} /> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <div className="border-t border-zinc-100 p-5">
          <CreateApiKeyForm />
        </div>
      ) : (
        <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">Ask an owner or manager to create or revoke API keys.</p>
      )}
    </Card>
  );
}
