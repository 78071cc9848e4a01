import type { DbOrTx } from "~/db/client";
import { auditLog } from "~/db/schema";

export type AuditEntry = {
  action: string;
  actorUserId?: string | null;
  actorType?: "user" | "api_key" | "system";
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  /** Context for humans reading the log; never credentials. */
  metadata?: Record<string, unknown>;
};

/** Append one audit row; pass the transaction so the entry commits with the change it describes. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry) {
  await db.insert(auditLog).values({
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorType: entry.actorType ?? (entry.actorUserId ? "user" : "system"),
    organizationId: entry.organizationId ?? null,
    targetType: entry.targetType,
    targetId: entry.targetId,
    metadata: entry.metadata ?? {},
  });
}
