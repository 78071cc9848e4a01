import { ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { prepared } from "~/db/prepared";
import { connections, orderItems, orderStatusHistory, orders, syncJobs } from "~/db/schema";
import { AppError } from "~/server/errors";
import { recordOrderedDishes } from "~/server/menu/mapping/upsert-dishes";
import { syncSettings } from "~/server/sync/settings";
import { pendingReason } from "~/server/sync/pending-reason";

const money = z.number().int().min(0).max(100_000_000);

export const orderInputSchema = z
  .object({
    restaurantId: z.uuid(),
    externalId: z.string().trim().min(1).max(100),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a 3-letter ISO 4217 code"),
    customer: z.object({
      name: z.string().trim().min(1).max(200),
      phone: z.string().trim().max(40).optional(),
      email: z.email().optional(),
    }),
    type: z.enum(["delivery", "pickup", "dine_in"]),
    items: z
      .array(
        z.object({
          dishId: z.string().trim().max(100).optional(),
          name: z.string().trim().min(1).max(200),
          quantity: z.number().int().min(1).max(999),
          unitPrice: money,
          modifiers: z
            .array(
              z.object({
                name: z.string().trim().min(1).max(200),
                // May be negative ("no cheese −$1").
                price: z.number().int().min(-10_000_000).max(10_000_000),
                quantity: z.number().int().min(1).max(99).optional(),
              }),
            )
            .max(50)
            .default([]),
          note: z.string().trim().max(500).optional(),
        }),
      )
      .min(1, "An order needs at least one item")
      .max(200),
    specialInstructions: z.string().trim().max(1000).optional(),
    deliveryAddress: z.record(z.string(), z.string().max(300)).optional(),
    tax: money.default(0),
    deliveryFee: money.default(0),
    tip: money.default(0),
    discount: money.default(0),
    source: z.string().trim().min(1).max(40).default("marketplace"),
  })
  .refine((o) => o.type !== "delivery" || !!o.deliveryAddress, {
    path: ["deliveryAddress"],
    message: "A delivery order needs a delivery address",
  });
export type OrderInput = z.input<typeof orderInputSchema>;

const lineTotal = (i: { quantity: number; unitPrice: number; modifiers: { price: number; quantity?: number }[] }) =>
  i.quantity * (i.unitPrice + i.modifiers.reduce((s, m) => s + m.price * (m.quantity ?? 1), 0));

export type CreatedOrder = { order: typeof orders.$inferSelect; job: typeof syncJobs.$inferSelect; created: boolean };

/**
 * Take an order in. The order, its items, its first status and its sync job (the outbox) are
 * written in one transaction; a resend with the same external_id for the restaurant returns
 * the order already stored. The caller dispatches the job after commit (`dispatchSync`).
 * `organizationId` must already be the caller's: the restaurant is checked against it.
 */
export async function createOrder(db: Db, organizationId: string, raw: OrderInput): Promise<CreatedOrder> {
  const parsed = orderInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "Validation failed", { details: { fieldErrors: z.flattenError(parsed.error).fieldErrors } });
  }
  const input = parsed.data;

  // Tenancy first: another organization's restaurant is NOT_FOUND, even for a resend.
  const restaurant = await prepared(db, "intake_restaurant", (d) =>
    d.query.restaurants
      .findFirst({
        where: (r, { and, eq }) => and(eq(r.id, sql.placeholder("id")), eq(r.organizationId, sql.placeholder("org"))),
        columns: { id: true },
        with: { connections: { where: ne(connections.status, "disconnected"), limit: 1 } },
      })
      .prepare("intake_restaurant"),
  ).execute({ id: input.restaurantId, org: organizationId });
  if (!restaurant) throw new AppError("NOT_FOUND", "Restaurant not found");
  const connection = restaurant.connections[0] ?? null;

  const subtotal = input.items.reduce((s, i) => s + lineTotal(i), 0);
  const total = subtotal + input.tax + input.deliveryFee + input.tip - input.discount;
  if (total < 0) throw new AppError("BAD_REQUEST", "The discount is larger than the order", { details: { fieldErrors: { discount: ["Larger than the order total"] } } });

  const settings = syncSettings();
  const waiting = pendingReason(connection);
  const created = await db.transaction(async (tx) => {
    // A resend (same external_id for the restaurant) hits the unique index and inserts nothing.
    const [order] = await tx
      .insert(orders)
      .values({
        organizationId,
        restaurantId: restaurant.id,
        connectionId: connection?.id ?? null,
        externalId: input.externalId,
        type: input.type,
        currency: input.currency,
        subtotalAmount: subtotal,
        taxAmount: input.tax,
        deliveryFeeAmount: input.deliveryFee,
        tipAmount: input.tip,
        discountAmount: input.discount,
        totalAmount: total,
        customerName: input.customer.name,
        customerPhone: input.customer.phone,
        customerEmail: input.customer.email,
        deliveryAddress: input.deliveryAddress,
        specialInstructions: input.specialInstructions,
        source: input.source,
      })
      .onConflictDoNothing({ target: [orders.restaurantId, orders.externalId] })
      .returning();
    if (!order) return null;
    await tx.insert(orderItems).values(input.items.map((i) => ({ orderId: order.id, ...i, totalPrice: lineTotal(i) })));
    // The dishes this order reveals (item mapping); known dishes are left as they are.
    await recordOrderedDishes(tx, { id: restaurant.id, organizationId, currency: input.currency }, input.items);
    await tx.insert(orderStatusHistory).values({ orderId: order.id, toStatus: "placed", changedBy: input.source });
    const [job] = await tx
      .insert(syncJobs)
      .values({
        organizationId,
        restaurantId: restaurant.id,
        orderId: order.id,
        connectionId: connection?.id ?? null,
        provider: connection?.provider ?? null,
        idempotencyKey: `sb-${order.id}`,
        maxRetries: settings.maxRetries,
        // A job that cannot run yet waits without being swept every second.
        nextAttemptAt: waiting ? waiting.recheckAt : new Date(),
        lastErrorMessage: waiting?.message ?? null,
      })
      .returning();
    return { order, job: job!, created: true };
  });
  if (created) return created;
  const existing = await findExisting(db, restaurant.id, input.externalId);
  if (!existing) throw new AppError("INTERNAL", "Order vanished after a duplicate insert");
  return { ...existing, created: false };
}

async function findExisting(db: Db, restaurantId: string, externalId: string) {
  const order = await db.query.orders.findFirst({
    where: (o, { and, eq }) => and(eq(o.restaurantId, restaurantId), eq(o.externalId, externalId)),
  });
  if (!order) return null;
  const job = await db.query.syncJobs.findFirst({ where: (j, { eq }) => eq(j.orderId, order.id) });
  return { order, job: job! };
}
