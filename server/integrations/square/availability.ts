/**
 * 86 / back on at Square. Apps cannot set `location_overrides[].sold_out` (read-only; writes
 * are ignored [reference §1.6, SDK ItemVariationLocationOverrides.ts]); Square marks a tracked
 * variation sold out when its count reaches 0. So an 86 is an inventory PHYSICAL_COUNT of 0 at the
 * connection's location for each variation (BatchChangeInventory, `POST
 * /v2/inventory/changes/batch-create`, INVENTORY_WRITE), and "back on" sets the count to
 * the connection's `backOnQuantity` (default 1000). UNCONFIRMED [reference §1.6]: whether an untracked variation shows
 * sold out; the seller may need inventory tracking on in Square for the POS to reflect it.
 * Modifiers have no inventory, and their sold_out is read-only too: Square cannot take it.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "~/server/errors";
import type { AdapterContext, AvailabilityPush } from "../types";
import { callSquare } from "./error-map";
import { squareConfigOf } from "./provider";
import { requireLocationId, squareFor } from "./sdk";

export async function setSquareAvailability(ctx: AdapterContext, input: AvailabilityPush): Promise<void> {
  if (input.targetType === "modifier") {
    throw new AppError("PROVIDER_REJECTED", "Square does not let apps mark a modifier sold out; change it on the Square POS", {
      details: { httpStatus: null, vendorCode: "MODIFIER_SOLD_OUT_READ_ONLY" },
    });
  }
  const variationIds = input.targetType === "variation" ? [input.externalId] : input.variationExternalIds;
  if (!variationIds.length) {
    throw new AppError("PROVIDER_REJECTED", `Square item ${input.externalId} has no variations to count`, { details: { httpStatus: null, vendorCode: "NO_VARIATIONS" } });
  }
  const locationId = requireLocationId(ctx);
  const { client, options } = squareFor(ctx);
  const occurredAt = new Date().toISOString();
  await callSquare("BatchChangeInventory", () =>
    client.inventory.batchCreateChanges(
      {
        // A count is absolute, so a retry with a new key after a timeout lands in the same state.
        idempotencyKey: randomUUID(),
        changes: variationIds.map((id) => ({
          type: "PHYSICAL_COUNT" as const,
          physicalCount: {
            catalogObjectId: id,
            locationId,
            state: "IN_STOCK" as const,
            quantity: input.available ? String(squareConfigOf(ctx).backOnQuantity) : "0",
            occurredAt,
          },
        })),
        ignoreUnchangedCounts: false,
      },
      options,
    ),
  );
}
