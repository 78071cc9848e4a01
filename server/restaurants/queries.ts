import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { restaurants } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";

export function listOrgRestaurants(db: Db, organizationId: string) {
  return db.query.restaurants.findMany({
    where: eq(restaurants.organizationId, organizationId),
    orderBy: asc(restaurants.createdAt),
  });
}

export function findOrgRestaurant(db: Db, organizationId: string, restaurantId: string) {
  return db.query.restaurants.findFirst({
    where: and(eq(restaurants.id, restaurantId), eq(restaurants.organizationId, organizationId)),
  });
}

export const createRestaurantSchema = z.object({
  name: z.string().trim().min(2, "Enter a name").max(100),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a 3-letter ISO currency code"),
  timezone: z.string().trim().min(1).max(64).default("UTC"),
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).optional(),
});

export async function createRestaurant(
  db: Db,
  organizationId: string,
  actorUserId: string,
  input: z.infer<typeof createRestaurantSchema>,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(restaurants)
      .values({ organizationId, ...input })
      .returning();
    await recordAudit(tx, {
      action: "restaurant.created",
      actorUserId,
      organizationId,
      targetType: "restaurant",
      targetId: row?.id,
      metadata: { name: input.name },
    });
    return row!;
  });
}
