import { Badge } from "~/components/ui/badge";

type Health = "online" | "degraded" | "offline";
type Circuit = "closed" | "open" | "half_open";

const HEALTH: Record<Health, { tone: "success" | "warning" | "danger"; label: string }> = {
  online: { tone: "success", label: "Online" },
  degraded: { tone: "warning", label: "Degraded" },
  offline: { tone: "danger", label: "Offline" },
};

/** A connection's (or restaurant's worst) POS health; null = no live connection. */
export function HealthBadge({ health }: { health: Health | null }) {
  if (!health) return <Badge>Not connected</Badge>;
  const h = HEALTH[health];
  return <Badge tone={h.tone}>{h.label}</Badge>;
}

/** The per-connection circuit breaker (server/sync/circuit-breaker.ts): closed is normal, open stops calls. */
export function CircuitBadge({ state }: { state: Circuit | null }) {
  if (!state) return <span className="text-zinc-400">—</span>;
  if (state === "closed") return <Badge tone="neutral">Closed</Badge>;
  return <Badge tone={state === "open" ? "danger" : "warning"}>{state === "open" ? "Open" : "Half-open"}</Badge>;
}

/** Uptime as a percentage with one decimal; null = no health checks in the window yet. */
export function formatUptime(uptime: number | null) {
  return uptime == null ? "No data" : `${(Math.floor(uptime * 1000) / 10).toFixed(1)} %`;
}
