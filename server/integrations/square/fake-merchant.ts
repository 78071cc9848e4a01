/**
 * Read-only merchant data in the fake: ListLocations and ListCatalog (types filter, 100 objects
 * a page, opaque `cursor`, none on the last page [reference §1.5; SDK ListCatalogRequest.ts]).
 */
import { badRequest, ok, type FakeContext, type FakeResponse } from "./fake-http";

export function listLocations(ctx: FakeContext): FakeResponse {
  return ok({ locations: ctx.state.locations });
}

// Returned when `types` is omitted [reference §1.5]; the fake only holds some of them.
const DEFAULT_TYPES = ["ITEM", "CATEGORY", "TAX", "DISCOUNT", "MODIFIER_LIST", "PRICING_RULE", "PRODUCT_SET", "TIME_PERIOD", "MEASUREMENT_UNIT", "SUBSCRIPTION_PLAN", "ITEM_OPTION", "CUSTOM_ATTRIBUTE_DEFINITION", "QUICK_AMOUNT_SETTINGS"];

export function listCatalog(ctx: FakeContext): FakeResponse {
  const q = ctx.req.url.searchParams;
  const types = (q.get("types") ?? "").split(",").map((t) => t.trim().toUpperCase()).filter(Boolean);
  const wanted = new Set(types.length ? types : DEFAULT_TYPES);
  const matching = ctx.state.catalog.filter((o) => wanted.has(o.type) && !o.is_deleted);
  let offset = 0;
  const cursor = q.get("cursor");
  if (cursor) {
    const decoded = decodeCursor(cursor);
    // A cursor is only valid for the query that produced it.
    if (!decoded || decoded.types !== [...wanted].join(",")) return badRequest("INVALID_CURSOR", "The cursor is not valid for this request.", "cursor");
    offset = decoded.offset;
  }
  const size = ctx.state.quirks.catalogPageSize;
  const objects = matching.slice(offset, offset + size);
  const next = offset + size < matching.length ? encodeCursor({ offset: offset + size, types: [...wanted].join(",") }) : undefined;
  return ok({ objects, ...(next ? { cursor: next } : {}) });
}

function encodeCursor(c: { offset: number; types: string }): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(s: string): { offset: number; types: string } | undefined {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as { offset?: unknown; types?: unknown };
    return typeof c.offset === "number" && typeof c.types === "string" ? { offset: c.offset, types: c.types } : undefined;
  } catch {
    return undefined;
  }
}
