import { Label } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

type FieldProps = ComponentProps<"input"> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
};

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({ label, name, errors, hint, className, id, ...props }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  const invalid = !!errors?.length;
  return (
    <div className="space-y-1.5">
      <Label.Root htmlFor={inputId} className="block text-sm font-medium text-zinc-800">
        {label}
      </Label.Root>
      <input
        id={inputId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        className={cn(
          "block h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20",
          invalid && "border-red-500 focus:border-red-500 focus:ring-red-500/20",
          className,
        )}
        {...props}
      />
      {invalid ? (
        <p id={errorId} role="alert" className="text-sm text-red-600">
          {errors[0]}
        </p>
      ) : hint ? (
        <p className="text-xs text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}
