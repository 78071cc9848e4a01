import type { ReactNode } from "react";
import { cn } from "./cn";

export type Column = { label: string; align?: "right" };

/**
 * The app's data table: a header row from `columns`, body rows from the caller, and a
 * horizontal scroll below `minWidth` so narrow screens never squeeze cells.
 */
export function Table({ columns, children, minWidth = "40rem", className }: { columns: Column[]; children: ReactNode; minWidth?: string; className?: string }) {
  return (
    <div className={cn("overflow-x-auto", className)}>
      <table className="w-full text-sm" style={{ minWidth }}>
        <thead className="border-b border-zinc-100 text-left text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            {columns.map((c) => (
              <th key={c.label} className={cn("px-5 py-2.5 font-medium", c.align === "right" && "text-right")}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className, align }: { children: ReactNode; className?: string; align?: "right" }) {
  return <td className={cn("px-5 py-3", align === "right" && "text-right", className)}>{children}</td>;
}
