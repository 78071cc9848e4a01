/**
 * A test world for the order pipeline against TouchBistro (mirrors ../petpooja/world.ts): a fresh
 * database, the TouchBistro fake with the real adapter pointed at it by base URL, and one tenant
 * whose restaurant is connected (location id = the connection's location, the location token as
 * the connection's credential). `push` sends an order through the real sync engine.
 */
import { eq } from "drizzle-orm";
import { vi } from "vitest";
import { connections, orderStatusHistory, orders, pollRuns } from "~/db/schema";
import { saveConnection } from "~/server/connections/manage";
import { createOrder, type OrderInput } from "~/server/orders/create-order";
import { runSyncJob } from "~/server/sync/run-job";
import { syncSettings } from "~/server/sync/settings";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { registerSandbox } from "../runtime";
import { FAKE_TOUCHBISTRO_LOCATION, startFakeTouchbistro, type FakeTouchbistro, type StartFakeTouchbistroOptions } from "./fake";
import { FAKE_TOUCHBISTRO_APP_CREDENTIALS } from "./sandbox";

export async function touchbistroWorld(opts: StartFakeTouchbistroOptions = {}) {
  const t: TestDb = await createTestDb();
  const fake: FakeTouchbistro = await startFakeTouchbistro(opts);
  registerSandbox("touchbistro", { baseUrl: fake.url, app: FAKE_TOUCHBISTRO_APP_CREDENTIALS });
  const tenant = await makeTenant(t.db);
  const connection = await saveConnection(
    t.db,
    { organizationId: tenant.org.id, userId: tenant.user.id },
    // Platform (partner) credentials come from the runtime; the connection holds the restaurant's grant.
    { restaurantId: tenant.restaurant.id, provider: "touchbistro", credentials: { accessToken: FAKE_TOUCHBISTRO_LOCATION.token }, locationId: FAKE_TOUCHBISTRO_LOCATION.id },
  );
  let seq = 0;
  const order = (over: Partial<OrderInput> = {}) =>
    createOrder(t.db, tenant.org.id, {
      restaurantId: tenant.restaurant.id,
      externalId: `MKT-CA-${++seq}-${Date.now()}`,
      currency: "CAD",
      customer: { name: "Jordan Lee", phone: "+14165550101" },
      type: "pickup",
      items: [{ name: "Poutine", quantity: 2, unitPrice: 1299, modifiers: [{ name: "Extra gravy", price: 150 }] }],
      tax: 338,
      ...over,
    });
  /** Create an order and push it to the fake through runSyncJob; returns the stored order. */
  const push = async (over: Partial<OrderInput> = {}) => {
    const { order: created, job } = await order(over);
    const r = await runSyncJob(t.db, job.id, { settings: syncSettings({ retryIntervalMs: 300_000, maxRetries: 12, requestTimeoutMs: 2_000 }) });
    if (r.status !== "success") throw new Error(`push failed: ${JSON.stringify(r)}`);
    return (await t.db.select().from(orders).where(eq(orders.id, created.id)))[0]!;
  };
  const getOrder = async (id: string) => (await t.db.select().from(orders).where(eq(orders.id, id)))[0]!;
  const history = async (id: string) => t.db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, id));
  const runs = async () => t.db.select().from(pollRuns);
  const conn = async () => (await t.db.select().from(connections).where(eq(connections.id, connection.id)))[0]!;
  const setConnection = (patch: Partial<typeof connections.$inferInsert>) => t.db.update(connections).set(patch).where(eq(connections.id, connection.id));
  return {
    t,
    fake,
    tenant,
    connection,
    order,
    push,
    getOrder,
    history,
    runs,
    conn,
    setConnection,
    dispose: async () => {
      await fake.close();
      await t.dispose();
      vi.clearAllMocks();
    },
  };
}
