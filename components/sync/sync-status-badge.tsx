import type { SyncJobStatus } from "~/db/schema";
import { Badge } from "~/components/ui/badge";

const LOOK: Record<SyncJobStatus, { tone: "neutral" | "success" | "warning" | "danger" | "info"; label: string }> = {
  pending: { tone: "neutral", label: "Waiting" },
  syncing: { tone: "info", label: "Sending" },
  retry: { tone: "warning", label: "Retrying" },
  success: { tone: "success", label: "In POS" },
  failed: { tone: "danger", label: "Failed" },
};

/** The order's POS sync state in the seller's words. */
export function SyncStatusBadge({ status }: { status: SyncJobStatus | null | undefined }) {
  if (!status) return <Badge>Not synced</Badge>;
  const { tone, label } = LOOK[status];
  return (
    <Badge tone={tone} data-sync-status={status}>
      {label}
    </Badge>
  );
}
