import { vi } from "vitest";
import { notifications, syncAttempts, syncJobs } from "~/db/schema";
import { saveConnection } from "~/server/connections/manage";
import { registerSandbox } from "~/server/integrations/runtime";
import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_CLIENT_SECRET, FAKE_SQUARE_LOCATION_IDS, startFakeSquare, type FakeSquare } from "~/server/integrations/square/fake";
import { createOrder, type OrderInput } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "./db";
import { makeTenant } from "./factories";

/**
 * A test world for the order pipeline: a fresh database, the Square fake with the real
 * adapter pointed at it by base URL, and one tenant whose restaurant is connected.
 */
export async function squareWorld() {
  const t: TestDb = await createTestDb();
  const fake: FakeSquare = await startFakeSquare();
  registerSandbox("square", { baseUrl: fake.url, app: { clientId: FAKE_SQUARE_CLIENT_ID, clientSecret: FAKE_SQUARE_CLIENT_SECRET } });
  const tenant = await makeTenant(t.db);
  const token = fake.issueToken();
  const connection = await saveConnection(
    t.db,
    { organizationId: tenant.org.id, userId: tenant.user.id },
    {
      restaurantId: tenant.restaurant.id,
      provider: "square",
      credentials: { accessToken: token.accessToken, refreshToken: token.refreshToken, expiresAt: token.expiresAt },
      locationId: FAKE_SQUARE_LOCATION_IDS[0],
      merchantId: token.merchantId,
    },
  );
  let seq = 0;
  const order = (over: Partial<OrderInput> = {}) =>
    createOrder(t.db, tenant.org.id, {
      restaurantId: tenant.restaurant.id,
      externalId: `MKT-${++seq}-${Date.now()}`,
      currency: "USD",
      customer: { name: "Priya Raman", phone: "+14155550101" },
      type: "pickup",
      items: [{ dishId: "dish-paneer", name: "Paneer Butter Masala", quantity: 2, unitPrice: 1450, note: "Extra spicy" }],
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
    connection,
    order,
    attempts,
    job,
    notices,
    posOrders: () => [...fake.state.orders.values()],
    dispose: async () => {
      await fake.close();
      await t.dispose();
      vi.clearAllMocks();
    },
  };
}
