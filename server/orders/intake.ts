import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client";
import { dispatchSync } from "~/server/sync/dispatch-sync";
import { createOrder, type OrderInput } from "./create-order";

/**
 * The one way an order comes in (REST, tRPC, test orders): store it with its sync job, then
 * hand the job to the jobs driver if it can go now. If the dispatch is lost, the sweeper
 * still finds the due job, so the order is never stranded.
 */
export async function intakeOrder(db: Db, organizationId: string, input: OrderInput) {
  const result = await createOrder(db, organizationId, input);
  if (result.created && result.job.nextAttemptAt.getTime() <= Date.now()) {
    await dispatchSync(result.job);
  }
  return result;
}

// The demo menu's dish ids (db/seed.ts), so test orders map like real ones.
const SAMPLE_DISHES = [
  { dishId: "dish-paneer", name: "Paneer Butter Masala", unitPrice: 1450 },
  { dishId: "dish-naan", name: "Garlic Naan", unitPrice: 350 },
  { dishId: "dish-biryani", name: "Chicken Biryani", unitPrice: 1695 },
  { dishId: "dish-lassi", name: "Mango Lassi", unitPrice: 495 },
];

/** The seller's "Send test order": a small, clearly labelled pickup order through the real pipeline. */
export function sendTestOrder(db: Db, organizationId: string, restaurant: { id: string; currency: string }) {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(2, 14);
  // Two clicks in the same second are two test orders, not a resend of one.
  const suffix = randomBytes(2).toString("hex").toUpperCase();
  const picks = [SAMPLE_DISHES[Number(stamp.at(-1)) % 4]!, SAMPLE_DISHES[1]!];
  return intakeOrder(db, organizationId, {
    restaurantId: restaurant.id,
    externalId: `TEST-${stamp}-${suffix}`,
    currency: restaurant.currency,
    customer: { name: "Test Customer", phone: "+15555550100" },
    type: "pickup",
    items: picks.map((d, i) => ({ ...d, quantity: i + 1, note: i === 0 ? "Test order from Switchboard" : undefined })),
    specialInstructions: "TEST ORDER — please do not prepare",
    source: "test",
  });
}
