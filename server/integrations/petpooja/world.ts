/**
 * A test world for the order pipeline against PetPooja (mirrors server/testing/square-world.ts):
 * a fresh database, the PetPooja fake with the real adapter pointed at it by base URL, and one
 * tenant whose restaurant is connected (restID = the connection's location), with the fake menu
 * as a menu sync stores it, its dishes mapped (confirmed) to it, and the add-on mapped in the
 * connection config.
 */
import { eq } from "drizzle-orm";
import { vi } from "vitest";
import { connections, notifications, syncAttempts, syncJobs } from "~/db/schema";
import { saveConnection } from "~/server/connections/manage";
import { createOrder, type OrderInput } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { mapDish, seedDishes, seedMenuItems } from "~/server/testing/mapping-fixtures";
import { registerSandbox } from "../runtime";
import { FAKE_PETPOOJA_ITEMS, FAKE_PETPOOJA_REST_ID, startFakePetpooja, type FakePetpooja, type StartFakePetpoojaOptions } from "./fake";
import { ADDON_MAPPING } from "./fixtures/orders";
import { FAKE_PETPOOJA_APP_CREDENTIALS } from "./sandbox";

export async function petpoojaWorld(opts: StartFakePetpoojaOptions = {}) {
  const t: TestDb = await createTestDb();
  const fake: FakePetpooja = await startFakePetpooja(opts);
  registerSandbox("petpooja", { baseUrl: fake.url, app: FAKE_PETPOOJA_APP_CREDENTIALS });
  const tenant = await makeTenant(t.db);
  const saved = await saveConnection(
    t.db,
    { organizationId: tenant.org.id, userId: tenant.user.id },
    // Platform credentials come from the runtime; the connection holds only the restaurant's mapping code.
    { restaurantId: tenant.restaurant.id, provider: "petpooja", credentials: {}, locationId: FAKE_PETPOOJA_REST_ID },
  );
  const [connection] = await t.db
    .update(connections)
    .set({
      config: { addon_mapping: ADDON_MAPPING, restaurant_name_petpooja: "Fake Dhaba", callback_url: "https://switchboard.example/api/webhooks/petpooja" },
    })
    .where(eq(connections.id, saved.id))
    .returning();
  // The menu sync keys a PetPooja variation by its own `id` (what OrderItem.id takes) and keeps
  // its type's `variationid` as pos_ref (sent as variation_id; see posLineRef).
  const g3 = FAKE_PETPOOJA_ITEMS.garlicBread3;
  const g6 = FAKE_PETPOOJA_ITEMS.garlicBread6;
  await seedMenuItems(t.db, connection!, [
    { externalId: FAKE_PETPOOJA_ITEMS.paneer.posItemId, name: "Paneer Butter Masala", price: 29000, currency: "INR" },
    {
      externalId: "10002",
      name: "Garlic Bread",
      currency: "INR",
      variations: [
        { externalId: g3.posItemId, posRef: g3.posVariationId, name: "3 Pieces", price: 14000 },
        { externalId: g6.posItemId, posRef: g6.posVariationId, name: "6 Pieces", price: 25000 },
      ],
    },
  ]);
  await seedDishes(t.db, tenant.restaurant, [
    { externalId: "dish-paneer", name: "Paneer Butter Masala", price: 29000, currency: "INR" },
    { externalId: "dish-garlic", name: "Garlic Bread (3 Pieces)", price: 14000, currency: "INR" },
  ]);
  await mapDish(t.db, connection!, { dishExternalId: "dish-paneer", itemExternalId: FAKE_PETPOOJA_ITEMS.paneer.posItemId });
  await mapDish(t.db, connection!, { dishExternalId: "dish-garlic", itemExternalId: "10002", variationExternalId: g3.posItemId });
  let seq = 0;
  const order = (over: Partial<OrderInput> = {}) =>
    createOrder(t.db, tenant.org.id, {
      restaurantId: tenant.restaurant.id,
      externalId: `MKT-IN-${++seq}-${Date.now()}`,
      currency: "INR",
      customer: { name: "Priya Raman", phone: "+919800000001" },
      type: "pickup",
      items: [{ dishId: "dish-paneer", name: "Paneer Butter Masala", quantity: 2, unitPrice: 29000, modifiers: [{ name: "Mojito", price: 6000 }] }],
      ...over,
    });
  const attempts = async (jobId: string) =>
    (await t.db.select().from(syncAttempts)).filter((a) => a.jobId === jobId).sort((a, b) => a.attemptNumber - b.attemptNumber);
  const job = async (id: string) => (await t.db.select().from(syncJobs)).find((j) => j.id === id)!;
  const notices = async () => t.db.select().from(notifications);
  return {
    t,
    fake,
    tenant,
    connection: connection!,
    order,
    attempts,
    job,
    notices,
    posOrders: () => fake.orders(),
    dispose: async () => {
      await fake.close();
      await t.dispose();
      vi.clearAllMocks();
    },
  };
}
