import { count } from "drizzle-orm";
import { hashPassword } from "~/server/auth/password";
import { recordOrderedDishes } from "~/server/menu/mapping/upsert-dishes";
import type { Db } from "./client";
import { seedDemoMenu } from "./seed-menu";
import {
  memberships,
  orderItems,
  orderStatusHistory,
  orders,
  organizations,
  restaurants,
  users,
  type OrderStatus,
} from "./schema";

export const DEMO_LOGINS = {
  admin: { email: "admin@example.com", password: "switchboard-admin", name: "Platform Admin" },
  seller: { email: "seller@example.com", password: "switchboard-seller", name: "Dana Seller" },
} as const;

type DemoOrder = {
  externalId: string;
  minutesAgo: number;
  status: OrderStatus;
  type: "delivery" | "pickup" | "dine_in";
  customer: string;
  phone: string;
  items: { name: string; dishId: string; quantity: number; unitPrice: number; note?: string }[];
};

const DEMO_ORDERS: DemoOrder[] = [
  {
    externalId: "MKT-10231",
    minutesAgo: 12,
    status: "preparing",
    type: "delivery",
    customer: "Priya Raman",
    phone: "+14155550101",
    items: [
      { name: "Paneer Butter Masala", dishId: "dish-paneer", quantity: 2, unitPrice: 1450, note: "Extra spicy" },
      { name: "Garlic Naan", dishId: "dish-naan", quantity: 3, unitPrice: 350 },
    ],
  },
  {
    externalId: "MKT-10232",
    minutesAgo: 41,
    status: "ready",
    type: "pickup",
    customer: "Tom Becker",
    phone: "+14155550102",
    items: [{ name: "Chicken Biryani", dishId: "dish-biryani", quantity: 1, unitPrice: 1695 }],
  },
  {
    externalId: "MKT-10227",
    minutesAgo: 185,
    status: "delivered",
    type: "delivery",
    customer: "Lena Ortiz",
    phone: "+14155550103",
    items: [
      { name: "Masala Dosa", dishId: "dish-dosa", quantity: 2, unitPrice: 1195 },
      { name: "Mango Lassi", dishId: "dish-lassi", quantity: 2, unitPrice: 495 },
    ],
  },
];

/** Lifecycle steps a demo order went through to reach its status, for a truthful history. */
const PATH: OrderStatus[] = ["placed", "confirmed", "preparing", "ready", "out_for_delivery", "delivered"];

/**
 * Demo data for a fresh database: a platform admin, one organization with a seller owner,
 * two restaurants and a few orders. Does nothing when any user exists, so it never touches
 * a database that is in use. Callers keep it out of production.
 */
export async function seedDemoData(db: Db, opts: { menu?: boolean } = {}): Promise<{ seeded: boolean }> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return { seeded: false };

  const [adminHash, sellerHash] = await Promise.all([
    hashPassword(DEMO_LOGINS.admin.password),
    hashPassword(DEMO_LOGINS.seller.password),
  ]);

  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      email: DEMO_LOGINS.admin.email,
      name: DEMO_LOGINS.admin.name,
      passwordHash: adminHash,
      platformRole: "admin",
    });
    const [seller] = await tx
      .insert(users)
      .values({ email: DEMO_LOGINS.seller.email, name: DEMO_LOGINS.seller.name, passwordHash: sellerHash })
      .returning();
    const [org] = await tx
      .insert(organizations)
      .values({ name: "Demo Restaurants", slug: "demo-restaurants" })
      .returning();
    if (!seller || !org) throw new Error("seed: insert returned nothing");
    await tx.insert(memberships).values({ userId: seller.id, organizationId: org.id, role: "owner" });
    const [downtown] = await tx
      .insert(restaurants)
      .values([
        { organizationId: org.id, name: "Spice Route — Downtown", currency: "USD", timezone: "America/Los_Angeles", address: "410 Market St, San Francisco, CA" },
        { organizationId: org.id, name: "Spice Route — Mission", currency: "USD", timezone: "America/Los_Angeles", address: "2290 Mission St, San Francisco, CA" },
      ])
      .returning();
    if (!downtown) throw new Error("seed: insert returned nothing");

    for (const o of DEMO_ORDERS) {
      const placedAt = new Date(Date.now() - o.minutesAgo * 60_000);
      const subtotal = o.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
      const tax = Math.round(subtotal * 0.0863);
      const [order] = await tx
        .insert(orders)
        .values({
          organizationId: org.id,
          restaurantId: downtown.id,
          externalId: o.externalId,
          status: o.status,
          type: o.type,
          currency: "USD",
          subtotalAmount: subtotal,
          taxAmount: tax,
          totalAmount: subtotal + tax,
          customerName: o.customer,
          customerPhone: o.phone,
          placedAt,
          createdAt: placedAt,
        })
        .returning();
      if (!order) throw new Error("seed: insert returned nothing");
      await tx.insert(orderItems).values(
        o.items.map((i) => ({ orderId: order.id, ...i, totalPrice: i.quantity * i.unitPrice })),
      );
      const steps = PATH.slice(0, PATH.indexOf(o.status) + 1).filter(
        (s) => o.type === "delivery" || s !== "out_for_delivery",
      );
      await tx.insert(orderStatusHistory).values(
        steps.map((to, i) => ({
          orderId: order.id,
          fromStatus: i === 0 ? null : steps[i - 1],
          toStatus: to,
          changedBy: i === 0 ? "marketplace" : "seller",
          createdAt: new Date(placedAt.getTime() + i * 4 * 60_000),
        })),
      );
    }
    // The demo orders' dishes, as order intake records them (Menu → Mapping lists them).
    await recordOrderedDishes(tx, { id: downtown.id, organizationId: org.id, currency: "USD" }, DEMO_ORDERS.flatMap((o) => o.items));
    // A Square connection with a synced menu on the first restaurant (db/seed-menu.ts); e2e starts without it.
    if (opts.menu !== false) await seedDemoMenu(tx as unknown as Db, { id: downtown.id, organizationId: org.id });
  });
  return { seeded: true };
}
