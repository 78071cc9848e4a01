/**
 * The marketplace-facing menu (GET /api/v1/restaurants/:restaurantId/menu): the normalized menu
 * with EFFECTIVE availability, snake_case, money in integer minor units of `currency`.
 */
import { z } from "zod";
import type { MenuItem, MenuTree } from "~/server/menu/availability/read-menu";

const availability = {
  available: z.boolean(),
  /** When a sold-out row comes back by itself; null when available or 86'd until turned back on. */
  snoozed_until: z.iso.datetime().nullable(),
};

export const menuModifierSchema = z.object({ id: z.uuid(), external_id: z.string(), name: z.string(), price: z.number().int(), ...availability });
export const menuModifierGroupSchema = z.object({
  id: z.uuid(),
  external_id: z.string(),
  name: z.string(),
  min_select: z.number().int(),
  max_select: z.number().int().nullable(),
  modifiers: z.array(menuModifierSchema),
});
export const menuVariationSchema = z.object({ id: z.uuid(), external_id: z.string(), name: z.string(), price: z.number().int().nullable(), ...availability });
export const menuItemSchema = z.object({
  id: z.uuid(),
  external_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  price: z.number().int().nullable(),
  currency: z.string().length(3),
  image_url: z.string().nullable(),
  ...availability,
  variations: z.array(menuVariationSchema),
  modifier_groups: z.array(menuModifierGroupSchema),
});
export const menuResponseSchema = z.object({
  restaurant_id: z.uuid(),
  currency: z.string().length(3),
  categories: z.array(z.object({ id: z.uuid().nullable(), external_id: z.string().nullable(), name: z.string(), items: z.array(menuItemSchema) })),
  generated_at: z.iso.datetime(),
});
export type MenuResponse = z.infer<typeof menuResponseSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function itemResource(i: MenuItem): z.infer<typeof menuItemSchema> {
  return {
    id: i.id,
    external_id: i.externalId,
    name: i.name,
    description: i.description,
    price: i.price,
    currency: i.currency,
    image_url: i.imageUrl,
    available: i.available,
    snoozed_until: iso(i.snoozedUntil),
    variations: i.variations.map((v) => ({ id: v.id, external_id: v.externalId, name: v.name, price: v.price, available: v.available, snoozed_until: iso(v.snoozedUntil) })),
    modifier_groups: i.modifierGroups.map((g) => ({
      id: g.id,
      external_id: g.externalId,
      name: g.name,
      min_select: g.minSelect,
      max_select: g.maxSelect,
      modifiers: g.modifiers.map((m) => ({ id: m.id, external_id: m.externalId, name: m.name, price: m.price, available: m.available, snoozed_until: iso(m.snoozedUntil) })),
    })),
  };
}

export function menuResource(restaurant: { id: string; currency: string }, tree: MenuTree, now = new Date()): MenuResponse {
  return {
    restaurant_id: restaurant.id,
    currency: restaurant.currency,
    categories: tree.categories.map((c) => ({ id: c.id, external_id: c.externalId, name: c.name, items: c.items.map(itemResource) })),
    generated_at: now.toISOString(),
  };
}
