"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormAlert } from "~/components/auth/form-alert";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { NewApiKeyNotice } from "./new-api-key-notice";

/** Names a new key, then hands its plaintext to the one-time notice. */
export function CreateApiKeyForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<{ name: string; plaintext: string } | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: ({ key, plaintext }) => {
        setCreated({ name: key.name, plaintext });
        setFormKey((k) => k + 1);
        void queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );
  const fieldErrors = create.error?.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const generalError = create.error && !fieldErrors ? create.error.message : undefined;

  if (created) {
    return (
      <NewApiKeyNotice
        name={created.name}
        plaintext={created.plaintext}
        onDone={() => {
          setCreated(null);
          create.reset();
        }}
      />
    );
  }
  return (
    <form
      key={formKey}
      noValidate
      className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name: String(new FormData(e.currentTarget).get("name") ?? "") });
      }}
    >
      <div className="sm:col-span-2"><FormAlert message={generalError} /></div>
      <Field
        label="Key name"
        name="name"
        id="api-key-name"
        required
        maxLength={100}
        placeholder="e.g. Marketplace backend (production)"
        hint="Say where the key will live, so you know what breaks if you revoke it."
        errors={fieldErrors?.name}
      />
      <Button type="submit" className="sm:mt-7" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create API key"}
      </Button>
    </form>
  );
}
