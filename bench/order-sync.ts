/**
 * Order → POS latency and throughput through the embedded (in-process) jobs driver, the real
 * Square adapter and the local Square fake.
 *
 *   npx tsx bench/order-sync.ts                       # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/order-sync.ts
 *   BENCH_ORDERS=2000 BENCH_CONCURRENCY=32 …
 *   BENCH_FAKE=inline                                 # fake in this process (default: its own process)
 *   BENCH_RATE=100                                    # offer orders at a steady rate (orders/s) instead of as fast as possible
 *
 * By default the fake runs in its own process (started with `npm run fake -- square`), as a
 * real POS would be remote; otherwise its CPU would be billed to Switchboard.
 *
 * Latency is measured per order from the moment intake is called until the POS accepted it
 * (end of the successful attempt), so it includes the outbox write, dispatch, claim, mapping,
 * the HTTP call(s) to the POS (CreateOrder + EXTERNAL payment) and the bookkeeping.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { configureBenchEnv } from "./bench-env";

const N = Number(process.env.BENCH_ORDERS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Orders per second offered; 0 = as fast as intake takes them (a saturation test). */
const RATE = Number(process.env.BENCH_RATE ?? 0);
// Configure the app's own database before any app module reads the environment.
const benchEnv = await configureBenchEnv("warn");

const { getDb, getDbHandle, migrateConfiguredDb, dbDriver } = await import("~/db");
const { syncAttempts, syncJobs } = await import("~/db/schema");
const { makeTenant } = await import("~/server/testing/factories");
const { saveConnection } = await import("~/server/connections/manage");
const { registerSandbox } = await import("~/server/integrations/runtime");
const { startSquareSandbox } = await import("~/server/integrations/square/sandbox");
const { FAKE_SQUARE_LOCATION_IDS } = await import("~/server/integrations/square/fake");
const { intakeOrder } = await import("~/server/orders/intake");
const { jobsDriver } = await import("~/server/jobs/driver");
const { eq, sql } = await import("drizzle-orm");

await migrateConfiguredDb();
const db = await getDb();
/** The Square fake, in its own process or this one; returns where it is and a merchant token. */
async function startFake() {
  if (process.env.BENCH_FAKE === "inline") {
    const { fake, runtime } = await startSquareSandbox(0);
    const t = fake.issueToken();
    return { runtime, token: { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt }, posOrders: async () => fake.state.orders.size, close: () => fake.close() };
  }
  const child = spawn(process.execPath, ["--import", "tsx", "server/integrations/fake-cli.ts", "square"], { stdio: ["ignore", "pipe", "inherit"] });
  let url = "";
  let accessToken = "";
  for await (const line of createInterface({ input: child.stdout! })) {
    url ||= line.match(/listening on (\S+)/)?.[1] ?? "";
    accessToken ||= line.match(/demo token:\s+(\S+)/)?.[1] ?? "";
    if (url && accessToken) break;
  }
  const { FAKE_SQUARE_CLIENT_ID: clientId, FAKE_SQUARE_CLIENT_SECRET: clientSecret } = await import("~/server/integrations/square/fake");
  return {
    runtime: { baseUrl: url, app: { clientId, clientSecret } },
    token: { accessToken },
    posOrders: async () => ((await (await fetch(`${url}/__fake/state`)).json()) as { orders: number }).orders,
    close: async () => void child.kill("SIGTERM"),
  };
}
const fake = await startFake();
registerSandbox("square", fake.runtime);
await jobsDriver(); // start the in-process driver (and its sweeper) like the server does

const { user, org, restaurant } = await makeTenant(db);
await saveConnection(db, { organizationId: org.id, userId: user.id }, {
  restaurantId: restaurant.id,
  provider: "square",
  credentials: fake.token,
  locationId: FAKE_SQUARE_LOCATION_IDS[0],
});

const started = new Map<string, number>(); // order id → wall-clock ms at intake
const t0 = Date.now();
let next = 0;
async function worker() {
  while (next < N) {
    const i = next++;
    if (RATE) {
      const due = t0 + (i * 1000) / RATE;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    const at = Date.now();
    const { order } = await intakeOrder(db, org.id, {
      restaurantId: restaurant.id,
      externalId: `BENCH-${i}`,
      currency: "USD",
      customer: { name: "Bench Customer", phone: "+15555550100" },
      type: "pickup",
      items: [
        { dishId: "d1", name: "Paneer Butter Masala", quantity: 2, unitPrice: 1450, modifiers: [{ name: "Extra cheese", price: 150 }] },
        { dishId: "d2", name: "Garlic Naan", quantity: 3, unitPrice: 350 },
      ],
    });
    started.set(order.id, at);
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));

// Wait for every job to reach the POS.
for (;;) {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(syncJobs).where(eq(syncJobs.status, "success"));
  if ((row?.n ?? 0) >= N) break;
  await new Promise((r) => setTimeout(r, 20));
}
const elapsedS = (Date.now() - t0) / 1000;

const done = await db
  .select({ orderId: syncJobs.orderId, startedAt: syncAttempts.startedAt, durationMs: syncAttempts.durationMs })
  .from(syncAttempts)
  .innerJoin(syncJobs, eq(syncJobs.id, syncAttempts.jobId))
  .where(eq(syncAttempts.outcome, "success"));
const latencies = done.map((d) => d.startedAt.getTime() + d.durationMs - started.get(d.orderId)!).sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
const posOrders = await fake.posOrders();

console.log(`order-sync bench · driver=inline · db=${dbDriver()} · fake=${process.env.BENCH_FAKE === "inline" ? "in-process" : "own process"} · orders=${N} · concurrency=${CONCURRENCY} · offered=${RATE ? `${RATE}/s` : "max"}`);
console.log(`  order→POS latency  p50 ${pct(50)} ms · p95 ${pct(95)} ms · p99 ${pct(99)} ms · max ${latencies.at(-1)} ms`);
console.log(`  throughput         ${(N / elapsedS).toFixed(0)} orders/s (${elapsedS.toFixed(2)} s wall)`);
console.log(`  POS orders created ${posOrders} (expected ${N}: exactly one per order)`);

await (await jobsDriver()).inline?.stop();
await fake.close();
await (await getDbHandle()).close();
await benchEnv.drop();
process.exit(posOrders === N ? 0 : 1);
