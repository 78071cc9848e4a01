/**
 * Square Inventory in the fake: BatchChangeInventory (`POST /v2/inventory/changes/batch-create`,
 * the path square@46 calls) with PHYSICAL_COUNT changes, and the counts it keeps. A count of 0
 * marks the variation sold out at that location (`location_overrides[].sold_out`, read-only for
 * apps [reference §1.6]), as Square does for a tracked variation; a positive count clears it.
 */
import { asRecord, badRequest, idempotent, nowIso, ok, type FakeContext, type FakeResponse } from "./fake-http";
import type { FakeSquareState, WireCatalogObject } from "./fake-types";

export type FakeInventoryCount = { catalog_object_id: string; catalog_object_type: "ITEM_VARIATION"; state: "IN_STOCK"; location_id: string; quantity: string; calculated_at: string };

const counts = new WeakMap<FakeSquareState, Map<string, FakeInventoryCount>>();

/** Current counts by `${variationId}:${locationId}`. */
export function fakeInventoryCounts(state: FakeSquareState): Map<string, FakeInventoryCount> {
  let m = counts.get(state);
  if (!m) counts.set(state, (m = new Map()));
  return m;
}

function findVariation(state: FakeSquareState, id: string): WireCatalogObject | undefined {
  for (const o of state.catalog) {
    if (o.type !== "ITEM" || o.is_deleted) continue;
    const v = o.item_data?.variations.find((x) => x.id === id);
    if (v) return v;
  }
  return undefined;
}

export function batchChangeInventory(ctx: FakeContext): FakeResponse {
  const body = asRecord(ctx.req.json);
  const key = body?.idempotency_key;
  if (typeof key !== "string" || !key) return badRequest("MISSING_REQUIRED_PARAMETER", "Field must be set", "idempotency_key");
  const changes = Array.isArray(body?.changes) ? body.changes : [];
  if (!changes.length || changes.length > 100) return badRequest("INVALID_VALUE", "Between 1 and 100 changes are allowed", "changes");
  return idempotent(ctx, "inventory/changes/batch-create", key, () => {
    const applied: FakeInventoryCount[] = [];
    for (const [i, raw] of changes.entries()) {
      const change = asRecord(raw);
      const pc = asRecord(change?.physical_count);
      if (change?.type !== "PHYSICAL_COUNT" || !pc) return badRequest("INVALID_ENUM_VALUE", "Only PHYSICAL_COUNT changes are supported by the fake", `changes[${i}].type`);
      const id = pc.catalog_object_id;
      const locationId = pc.location_id;
      const quantity = pc.quantity;
      if (typeof id !== "string" || !findVariation(ctx.state, id)) return badRequest("NOT_FOUND", `Catalog object ${String(id)} not found`, `changes[${i}].physical_count.catalog_object_id`);
      if (typeof locationId !== "string" || !ctx.state.locations.some((l) => l.id === locationId)) return badRequest("NOT_FOUND", `Location ${String(locationId)} not found`, `changes[${i}].physical_count.location_id`);
      if (pc.state !== "IN_STOCK") return badRequest("INVALID_ENUM_VALUE", "A physical count is an IN_STOCK quantity", `changes[${i}].physical_count.state`);
      // Square quantities are decimal strings.
      if (typeof quantity !== "string" || !/^\d+(\.\d+)?$/.test(quantity)) return badRequest("INVALID_VALUE", "quantity must be a decimal string", `changes[${i}].physical_count.quantity`);
      if (typeof pc.occurred_at !== "string" || Number.isNaN(Date.parse(pc.occurred_at))) return badRequest("MISSING_REQUIRED_PARAMETER", "occurred_at must be an RFC 3339 timestamp", `changes[${i}].physical_count.occurred_at`);
      applied.push({ catalog_object_id: id, catalog_object_type: "ITEM_VARIATION", state: "IN_STOCK", location_id: locationId, quantity, calculated_at: nowIso() });
    }
    for (const c of applied) {
      fakeInventoryCounts(ctx.state).set(`${c.catalog_object_id}:${c.location_id}`, c);
      markSoldOut(findVariation(ctx.state, c.catalog_object_id)!, c.location_id, Number(c.quantity) === 0);
    }
    return ok({ counts: applied });
  });
}

function markSoldOut(variation: WireCatalogObject, locationId: string, soldOut: boolean) {
  const data = variation.item_variation_data;
  if (!data) return;
  const overrides = (Array.isArray(data.location_overrides) ? data.location_overrides : []) as Record<string, unknown>[];
  const existing = overrides.find((o) => o.location_id === locationId);
  if (existing) existing.sold_out = soldOut;
  else overrides.push({ location_id: locationId, track_inventory: true, sold_out: soldOut });
  data.location_overrides = overrides;
}
