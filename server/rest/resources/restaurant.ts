import type { restaurants } from "~/db/schema";
import type { RestaurantResource } from "../schemas";

/** A restaurant row as the REST API shows it (`restaurantSchema`): snake_case, ISO timestamps. */
export function restaurantResource(r: typeof restaurants.$inferSelect): RestaurantResource {
  return {
    id: r.id,
    name: r.name,
    currency: r.currency,
    timezone: r.timezone,
    address: r.address,
    is_active: r.isActive,
    created_at: r.createdAt.toISOString(),
  };
}
