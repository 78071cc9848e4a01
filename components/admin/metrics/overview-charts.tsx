"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "~/components/format";
import { Card, CardHeader } from "~/components/ui/card";

export type ChartPoint = { bucket: string; orders: number; synced: number; failed: number; revenue: Record<string, number> };

const LINE_COLORS = ["#4f46e5", "#0891b2", "#ca8a04", "#db2777", "#16a34a"];

/** Bucket label in UTC, the platform time zone: "14:00" for hours, "Mar 9" for days. */
function label(bucket: string, unit: "hour" | "day") {
  const d = new Date(bucket);
  return unit === "hour"
    ? new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }).format(d)
    : new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}

/** Orders and order pushes per bucket, and revenue per currency (never summed across currencies). */
export function OverviewCharts({ series, unit, currencies }: { series: ChartPoint[]; unit: "hour" | "day"; currencies: string[] }) {
  const data = series.map((p) => ({ ...p, label: label(p.bucket, unit), ...Object.fromEntries(currencies.map((c) => [c, p.revenue[c] ?? 0])) }));
  const axis = { fontSize: 12, fill: "#71717a" };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader title="Orders and POS pushes" description={`Per ${unit} (UTC): orders received, pushes that reached the POS, pushes that failed`} />
        <div className="h-64 px-2 py-4" data-testid="chart-orders">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 4, right: 12, left: -12, bottom: 0 }}>
              <CartesianGrid stroke="#f4f4f5" vertical={false} />
              <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={16} />
              <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} width={44} />
              <Tooltip cursor={{ fill: "#f4f4f5" }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="orders" name="Orders" fill="#a1a1aa" radius={[3, 3, 0, 0]} />
              <Bar dataKey="synced" name="In POS" fill="#16a34a" radius={[3, 3, 0, 0]} />
              <Bar dataKey="failed" name="Failed" fill="#dc2626" radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <Card>
        <CardHeader title="Revenue" description={`Per ${unit} (UTC), one line per currency`} />
        <div className="h-64 px-2 py-4" data-testid="chart-revenue">
          {currencies.length ? (
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 4, right: 12, left: 4, bottom: 0 }}>
                <CartesianGrid stroke="#f4f4f5" vertical={false} />
                <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={16} />
                <YAxis tick={axis} tickLine={false} axisLine={false} width={64} tickFormatter={(v: number) => (currencies.length === 1 ? formatMoney(v, currencies[0]!).replace(/\.00$/, "") : String(v))} />
                <Tooltip formatter={(v, name) => formatMoney(Number(v), String(name))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {currencies.map((c, i) => (
                  <Line key={c} type="linear" dataKey={c} name={c} stroke={LINE_COLORS[i % LINE_COLORS.length]} strokeWidth={2} dot={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          ) : (
            <p className="grid h-full place-items-center text-sm text-zinc-500">No revenue in this range</p>
          )}
        </div>
      </Card>
    </div>
  );
}
