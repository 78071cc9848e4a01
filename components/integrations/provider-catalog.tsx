import { Cable } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ApiKeyConnectDialog, type ConnectField } from "./api-key-connect-dialog";

type Provider = { id: string; name: string; regions: string[]; connectsWithOAuth: boolean; sandbox: boolean; statusMode: string; connectFields: ConnectField[] | null };

/** The POS systems a restaurant can connect, each with its one-click connect. */
export function ProviderCatalog({ providers, restaurantId, canManage }: { providers: Provider[]; restaurantId: string; canManage: boolean }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {providers.map((p) => (
        <Card key={p.id} className="flex flex-col gap-4 p-5">
          <div className="flex items-start justify-between gap-2">
            <div className="flex items-center gap-3">
              <span className="flex size-10 items-center justify-center rounded-lg bg-zinc-900 text-sm font-bold text-white" aria-hidden>{p.name.slice(0, 2)}</span>
              <div>
                <h2 className="font-semibold text-zinc-900">{p.name}</h2>
                <p className="text-xs text-zinc-500">{p.regions.join(", ")} · status by {p.statusMode}</p>
              </div>
            </div>
            {p.sandbox ? <Badge tone="info">Sandbox</Badge> : null}
          </div>
          <p className="flex-1 text-sm text-zinc-600">
            Orders go straight into {p.name} with the customer&apos;s details, notes and your item mapping. {p.sandbox ? "This environment uses a local test server, so nothing reaches a real kitchen." : ""}
          </p>
          {!canManage ? (
            <p className="text-sm text-zinc-500">Ask an owner or manager to connect.</p>
          ) : p.connectsWithOAuth ? (
            <Button asChild>
              <a href={`/api/oauth/${p.id}/start?restaurantId=${restaurantId}`}><Cable aria-hidden />Connect {p.name}</a>
            </Button>
          ) : p.connectFields ? (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <ApiKeyConnectDialog restaurantId={restaurantId} provider={p} fields={p.connectFields} />
              <a className="text-xs text-zinc-500 hover:underline" href="/docs/api#pos-connect">or connect by API</a>
            </div>
          ) : (
            <p className="text-sm text-zinc-600">
              {p.name} connects with the credentials {p.name} issues for your outlet: send them with{" "}
              <a className="font-medium text-brand-700 hover:underline" href="/docs/api#pos-connect">POST /api/v1/pos/connect</a>.
            </p>
          )}
        </Card>
      ))}
    </div>
  );
}
