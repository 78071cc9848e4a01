"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "~/components/auth/form-alert";
import { useTRPC } from "~/components/trpc/react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";

/** Adds a location through tRPC; field errors come straight from the server's zod issues. */
export function AddRestaurantForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.restaurants.create.mutationOptions({
      onSuccess: () => {
        setFormKey((k) => k + 1);
        router.refresh();
      },
    }),
  );
  const fieldErrors = create.error?.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const generalError = create.error && !fieldErrors ? create.error.message : undefined;
  return (
    <form
      key={formKey}
      noValidate
      className="grid gap-4 sm:grid-cols-[1fr_8rem_auto] sm:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        create.mutate({
          name: String(fd.get("name") ?? ""),
          currency: String(fd.get("currency") ?? ""),
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        });
      }}
    >
      <div className="sm:col-span-3"><FormAlert message={generalError} /></div>
      <Field label="Restaurant name" name="name" required placeholder="e.g. Spice Route — Airport" errors={fieldErrors?.name} />
      <Field label="Currency" name="currency" required defaultValue="USD" maxLength={3} errors={fieldErrors?.currency} />
      <Button type="submit" className="sm:mt-7" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add restaurant"}
      </Button>
      {create.isSuccess ? <p role="status" className="text-sm text-emerald-700 sm:col-span-3">Restaurant added.</p> : null}
    </form>
  );
}
