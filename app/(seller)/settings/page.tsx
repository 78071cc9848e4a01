import type { Metadata } from "next";
import { formatDateTime } from "~/components/format";
import { AddRestaurantForm } from "~/components/settings/add-restaurant-form";
import { ApiKeysCard } from "~/components/settings/api-keys-card";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { serverApi } from "~/components/trpc/server";
import { requireSeller } from "~/server/auth/guards";
import { roleAtLeast } from "~/server/tenancy/membership";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { org, restaurants } = await requireSeller();
  const members = await (await serverApi()).organization.members();
  const canManage = roleAtLeast(org.role, "manager");
  return (
    <>
      <PageHeader title="Settings" description={`${org.organizationName} · you are ${org.role === "owner" ? "the owner" : `a ${org.role}`}`} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Restaurants" description="Each location connects to its own POS." />
          <ul className="divide-y divide-zinc-100">
            {restaurants.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <div>
                  <p className="font-medium text-zinc-900">{r.name}</p>
                  <p className="text-zinc-500">{[r.address, r.timezone].filter(Boolean).join(" · ")}</p>
                </div>
                <Badge>{r.currency}</Badge>
              </li>
            ))}
            {!restaurants.length ? <li className="px-5 py-4 text-sm text-zinc-500">No restaurants yet.</li> : null}
          </ul>
          {canManage ? (
            <div className="border-t border-zinc-100 p-5">
              <AddRestaurantForm />
            </div>
          ) : (
            <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">Ask an owner or manager to add restaurants.</p>
          )}
        </Card>
        <Card>
          <CardHeader title="Team" description="People who can see this organization." />
          <ul className="divide-y divide-zinc-100">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <div>
                  <p className="font-medium text-zinc-900">{m.name}</p>
                  <p className="text-zinc-500">{m.email} · since {formatDateTime(m.since)}</p>
                </div>
                <Badge tone={m.role === "owner" ? "info" : "neutral"} className="capitalize">{m.role}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        <ApiKeysCard canManage={canManage} />
      </div>
    </>
  );
}
