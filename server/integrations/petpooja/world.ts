/**
 * A test world for the order pipeline against PetPooja (mirrors server/testing/square-world.ts):
 * a fresh database, the PetPooja fake with the real adapter pointed at it by base URL, and one
 * tenant whose restaurant is connected (restID = the connection's location), with its dishes
 * mapped to the fake menu and the add-on mapped in the connection config.
 */
import { eq } from "drizzle-orm";
import { vi } from "vitest";
import { connections, notifications, syncAttempts, syncJobs } from "~/db/schema";
import { saveConnection } from "~/server/connections/manage";
import { createOrder, type OrderInput } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
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
      itemMapping: {
        "dish-paneer": { posItemId: FAKE_PETPOOJA_ITEMS.paneer.posItemId },
        "dish-garlic": { posItemId: FAKE_PETPOOJA_ITEMS.garlicBread3.posItemId, posVariationId: FAKE_PETPOOJA_ITEMS.garlicBread3.posVariationId },
      },
    })
    .where(eq(connections.id, saved.id))
    .returning();
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
