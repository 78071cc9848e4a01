"use client";

import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, KeyRound, Loader2, PlugZap, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";

export type ConnectField = { name: string; label: string; kind: "secret" | "location"; required: boolean };
type Props = {
  restaurantId: string;
  provider: { id: string; name: string; sandbox: boolean };
  fields: ConnectField[];
  /** "reconnect": new credentials for a connection that needs them (same save path, clears needs_reauth). */
  mode?: "connect" | "reconnect";
};

/**
 * Connect a POS that issues static credentials (PetPooja, TouchBistro). Fields come from the
 * provider's metadata; the server validates them (field-level errors come back in
 * error.data.fieldErrors) and stores the secrets sealed. Nothing secret is ever sent back.
 */
export function ApiKeyConnectDialog({ restaurantId, provider, fields, mode = "connect" }: Props) {
  const verb = mode === "reconnect" ? "Reconnect" : "Connect";
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const connect = useMutation(
    trpc.integrations.connectApiKey.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setValues({});
        router.push(`/integrations?connected=${provider.id}`);
        router.refresh();
      },
    }),
  );
  const check = useMutation(trpc.integrations.checkApiKey.mutationOptions());
  const input = () => ({ restaurantId, provider: provider.id, fields: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")) });
  const fieldErrors = connect.error?.data?.fieldErrors ?? check.error?.data?.fieldErrors ?? null;
  const formError = connect.error ?? check.error;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    check.reset();
    connect.mutate(input());
  };
  const secrets = fields.filter((f) => f.kind === "secret");
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          connect.reset();
          check.reset();
        }
      }}
    >
      <Dialog.Trigger asChild>
        {mode === "reconnect" ? (
          <button type="button" className="ml-2 font-medium underline">Reconnect {provider.name}</button>
        ) : (
          <Button><KeyRound aria-hidden />Connect {provider.name}</Button>
        )}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white shadow-xl">
          <div className="flex items-start justify-between gap-4 border-b border-zinc-100 px-6 py-4">
            <div>
              <Dialog.Title className="text-base font-semibold text-zinc-900">{verb} {provider.name}</Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-zinc-600">
                Enter the details {provider.name} issued for this outlet. Keys are stored encrypted and never shown again.
              </Dialog.Description>
            </div>
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close"><X aria-hidden /></Button>
            </Dialog.Close>
          </div>
          <form onSubmit={onSubmit} noValidate className="space-y-4 px-6 py-5">
            {provider.sandbox ? (
              <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">Sandbox: orders go to a local test server, never a real kitchen.</p>
            ) : null}
            {fields.map((f) => (
              <Field
                key={f.name}
                id={`connect-${provider.id}-${f.name}`}
                name={f.name}
                label={f.required ? f.label : `${f.label} (optional)`}
                type={f.kind === "secret" ? "password" : "text"}
                autoComplete={f.kind === "secret" ? "new-password" : "off"}
                spellCheck={false}
                className={f.kind === "secret" ? "font-mono" : undefined}
                value={values[f.name] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                errors={fieldErrors?.[f.name]}
                hint={f.kind === "location" ? `The ${provider.name} outlet that receives your orders.` : undefined}
              />
            ))}
            {secrets.length ? (
              <p className="text-xs text-zinc-500">Leave a key blank to use the platform&apos;s {provider.name} partner credentials.</p>
            ) : null}
            {formError && !fieldErrors ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError.message}</p> : null}
            {formError && fieldErrors ? <p className="text-sm text-red-700">Check the highlighted fields.</p> : null}
            <div role="status" aria-live="polite" className="text-sm empty:hidden">
              {check.data ? (
                check.data.ok ? (
                  <span className="inline-flex items-center gap-1 text-emerald-700"><CheckCircle2 className="size-4" aria-hidden /> {provider.name} accepted these details · {check.data.latencyMs} ms</span>
                ) : (
                  <span className="inline-flex items-center gap-1 text-red-700"><PlugZap className="size-4" aria-hidden /> {check.data.detail ?? "Not reachable"}</span>
                )
              ) : null}
            </div>
            <div className="flex flex-col-reverse gap-2 border-t border-zinc-100 pt-4 sm:flex-row sm:justify-end">
              <Button type="button" variant="secondary" disabled={check.isPending || connect.isPending} onClick={() => { connect.reset(); check.mutate(input()); }}>
                {check.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null}
                {check.isPending ? "Testing…" : "Test connection"}
              </Button>
              <Button type="submit" disabled={connect.isPending}>
                {connect.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null}
                {connect.isPending ? "Connecting…" : `Connect ${provider.name}`}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
