import { Badge } from "~/components/ui/badge";
import type { FieldRow } from "~/server/rest/docs";

/** Every parameter and body field of an endpoint, nested fields as dotted paths. */
export function FieldsTable({ rows }: { rows: FieldRow[] }) {
  if (!rows.length) return <p className="text-sm text-zinc-500">No parameters.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">In</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((r) => (
            <tr key={`${r.in}:${r.name}`} className="align-top">
              <td className="px-3 py-2">
                <code className="font-mono text-xs font-medium text-zinc-900">{r.name}</code>
                {r.required ? <span className="ml-1.5 text-xs text-red-600">required</span> : null}
              </td>
              <td className="px-3 py-2 text-zinc-500">{r.in}</td>
              <td className="px-3 py-2">
                <Badge className="font-mono">{r.type}</Badge>
              </td>
              <td className="px-3 py-2 text-zinc-600">
                {r.description ? <p>{r.description}</p> : null}
                {r.constraints.length ? (
                  <p className="mt-0.5 font-mono text-xs text-zinc-500">{r.constraints.join(" · ")}</p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
