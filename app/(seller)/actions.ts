"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { RESTAURANT_COOKIE } from "~/server/auth/cookies";
import { requireSeller } from "~/server/auth/guards";

/** Remember the restaurant picked in the switcher, if it belongs to the caller's organization. */
export async function selectRestaurantAction(restaurantId: string) {
  const id = z.uuid().parse(restaurantId);
  const { restaurants } = await requireSeller();
  if (!restaurants.some((r) => r.id === id)) return { ok: false as const };
  (await cookies()).set(RESTAURANT_COOKIE, id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  return { ok: true as const };
}
