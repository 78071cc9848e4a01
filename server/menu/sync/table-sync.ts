/**
 * The diff for one menu table: compare desired rows (from the POS) with the connection's stored
 * rows by external id and content hash, then write only the difference in batches:
 *   new → inserted; changed or soft-removed → one multi-row upsert (a removed row that comes
 *   back is restored, `removed_at = null`); missing → soft-removed; same hash → not touched.
 * Availability is taken from the POS only when the POS's own word on it changed (see hash.ts).
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "~/db/client";
import { splitHash } from "./hash";

export type Tenancy = { organizationId: string; restaurantId: string; connectionId: string };

export type Desired = {
  externalId: string;
  contentHash: string;
  /** Table-specific columns (name, price, parent id, sort order …). */
  values: Record<string, unknown>;
  /** The POS's availability, for tables that have it. */
  available?: boolean;
};

export type Stored = {
  id: string;
  externalId: string;
  contentHash: string;
  removedAt: Date | null;
  available?: boolean;
  snoozedUntil?: Date | null;
  availabilityUpdatedAt?: Date | null;
};

export type TableResult = {
  /** externalId → row id, for every desired row. */
  ids: Map<string, string>;
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Rows inserted, restored, or whose content (not just availability) changed. */
  contentChanged: Set<string>;
  /** Rows inserted by this sync (nothing hangs off them yet). */
  inserted: Set<string>;
  availabilityChanged: { id: string; available: boolean }[];
};

/** Rows per statement: well under Postgres' 65,535 bind parameters for our widest table. */
const CHUNK = 1_000;

export function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Drizzle's generic table types do not survive this level of abstraction; the column names
// are checked by the callers' typed `values`.
type AnyTable = PgTable & Record<string, never>;

export async function syncTable(
  tx: Tx,
  table: PgTable,
  input: { tenancy: Tenancy; stored: Stored[]; desired: Desired[]; now: Date; hasAvailability: boolean },
): Promise<TableResult> {
  const { tenancy, now, hasAvailability } = input;
  const t = table as AnyTable;
  const storedBy = new Map(input.stored.map((r) => [r.externalId, r]));
  const result: TableResult = { ids: new Map(), created: 0, updated: 0, removed: 0, unchanged: 0, contentChanged: new Set(), inserted: new Set(), availabilityChanged: [] };
  const writes: Record<string, unknown>[] = [];

  for (const d of input.desired) {
    const s = storedBy.get(d.externalId);
    if (s && s.contentHash === d.contentHash && !s.removedAt) {
      result.unchanged += 1;
      result.ids.set(d.externalId, s.id);
      continue;
    }
    const id = s?.id ?? randomUUID();
    result.ids.set(d.externalId, id);
    if (s) result.updated += 1;
    else {
      result.created += 1;
      result.inserted.add(id);
    }
    const before = s ? splitHash(s.contentHash) : null;
    const after = splitHash(d.contentHash);
    if (!before || s!.removedAt || before.content !== after.content) result.contentChanged.add(id);
    const row: Record<string, unknown> = { id, ...tenancy, externalId: d.externalId, ...d.values, contentHash: d.contentHash, removedAt: null, updatedAt: now };
    if (hasAvailability) {
      const posChanged = !before || before.availability !== after.availability;
      const available = posChanged ? d.available !== false : s!.available !== false;
      row.available = available;
      row.snoozedUntil = posChanged ? null : (s!.snoozedUntil ?? null);
      row.availabilityUpdatedAt = s && posChanged ? now : (s?.availabilityUpdatedAt ?? null);
      if (s && posChanged && s.available !== available) result.availabilityChanged.push({ id, available });
    }
    writes.push(row);
  }

  if (writes.length) {
    const keys = Object.keys(writes[0]!).filter((k) => k !== "id" && k !== "organizationId" && k !== "restaurantId" && k !== "connectionId" && k !== "externalId");
    const set: Record<string, SQL> = {};
    for (const k of keys) set[k] = sql.raw(`excluded."${snake(k)}"`);
    for (const batch of chunks(writes)) {
      await tx
        .insert(t)
        .values(batch as never)
        .onConflictDoUpdate({ target: [t.connectionId as never, t.externalId as never], set: set as never });
    }
  }

  const desiredIds = new Set(input.desired.map((d) => d.externalId));
  const gone = input.stored.filter((s) => !s.removedAt && !desiredIds.has(s.externalId)).map((s) => s.id);
  for (const batch of chunks(gone)) {
    await tx
      .update(t)
      .set({ removedAt: now, updatedAt: now } as never)
      .where(and(eq(t.connectionId as never, tenancy.connectionId), inArray(t.id as never, batch), isNull(t.removedAt as never)));
  }
  result.removed = gone.length;
  return result;
}
