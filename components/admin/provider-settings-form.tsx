"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/components/trpc/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { Toggle } from "~/components/ui/switch";

export type ProviderSettingsView = {
  provider: string;
  name: string;
  enabled: boolean;
  globalConfig: Record<string, unknown>;
  credentialFields: { field: string; status: string | null }[];
};

/**
 * One provider's platform settings: enable/disable, global config (JSON, validated by the
 * provider's schema on the server) and platform credentials. Stored credentials are never sent
 * to the browser: only "configured" / "set • last 4"; typing a value replaces it.
 */
export function ProviderSettingsForm({ settings }: { settings: ProviderSettingsView }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [config, setConfig] = useState(JSON.stringify(settings.globalConfig, null, 2));
  const [creds, setCreds] = useState<Record<string, string>>({});
  const [clear, setClear] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.admin.updateProviderSettings.mutationOptions({
      onSuccess: () => {
        setCreds({});
        setClear([]);
        setSaved(true);
        void qc.invalidateQueries(trpc.admin.providerSettings.queryFilter());
        router.refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    let globalConfig: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(config || "{}");
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      globalConfig = parsed as Record<string, unknown>;
    } catch {
      setError("Global config must be a JSON object");
      return;
    }
    const credentials = Object.fromEntries(Object.entries(creds).filter(([, v]) => v.trim()));
    save.mutate({
      provider: settings.provider,
      enabled,
      globalConfig,
      ...(Object.keys(credentials).length ? { credentials } : {}),
      ...(clear.length ? { clearCredentials: clear } : {}),
    });
  };
  const id = (f: string) => `${settings.provider}-${f}`;
  return (
    <Card>
      <CardHeader title={`${settings.name} platform settings`} description="Applies to every restaurant on this provider; restaurant overrides win." action={enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>} />
      <form onSubmit={submit} className="grid gap-5 px-5 py-4 lg:grid-cols-2" aria-label={`${settings.name} settings`}>
        <div className="space-y-4">
          <Toggle id={id("enabled")} label="Enabled" description="A disabled provider takes no new connections and pushes no orders." checked={enabled} onChange={setEnabled} />
          <div className="space-y-1.5">
            <label htmlFor={id("config")} className="block text-sm font-medium text-zinc-800">Global config (JSON)</label>
            <textarea
              id={id("config")}
              value={config}
              onChange={(e) => setConfig(e.target.value)}
              rows={6}
              spellCheck={false}
              className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20"
            />
          </div>
        </div>
        <div className="space-y-3">
          <p className="text-sm font-medium text-zinc-800">Platform credentials</p>
          {settings.credentialFields.map(({ field, status }) => (
            <div key={field} className="space-y-1">
              <Field
                label={field}
                name={field}
                id={id(field)}
                type="password"
                autoComplete="off"
                placeholder={status ? `${status} — type to replace` : "not set"}
                value={creds[field] ?? ""}
                onChange={(e) => setCreds({ ...creds, [field]: e.target.value })}
              />
              {status ? (
                <label className="flex items-center gap-2 text-xs text-zinc-600">
                  <input type="checkbox" checked={clear.includes(field)} onChange={(e) => setClear(e.target.checked ? [...clear, field] : clear.filter((f) => f !== field))} />
                  Remove the stored {field}
                </label>
              ) : null}
            </div>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-3 lg:col-span-2">
          <Button type="submit" size="sm" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save settings"}</Button>
          {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
          {saved && !error ? <p role="status" className="text-sm text-green-700">Saved</p> : null}
        </div>
      </form>
    </Card>
  );
}
