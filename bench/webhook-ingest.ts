/**
 * Webhook ingest throughput: the real webhook routes (size limit, signature verification in
 * constant time, dedupe, durable store, dispatch) against a bare handler that only reads the
 * body and a handler that reads it and inserts one row, in the same run, with autocannon
 * (20 connections) and signed Square and PetPooja bodies.
 *
 *   npx tsx bench/webhook-ingest.ts                                              # PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/webhook-ingest.ts
 *   BENCH_SECONDS=10 …
 *
 * Every request carries a new event id, so none is a replay: each one is verified, stored and
 * dispatched. Both servers are plain node:http servers handing WHATWG Requests to the handler,
 * the same adapter for both, so the ratio isolates what our route does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { configureBenchEnv } from "./bench-env";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;
const SQUARE_KEY = "bench-square-signature-key";

const benchEnv = await configureBenchEnv("error");

const { getDb, getDbHandle, migrateConfiguredDb, dbDriver } = await import("~/db");
const { webhookEvents } = await import("~/db/schema");
const { makeTenant } = await import("~/server/testing/factories");
const { saveConnection } = await import("~/server/connections/manage");
const { registerSandbox } = await import("~/server/integrations/runtime");
const { newestActiveSecret } = await import("~/server/webhooks/secrets");
const { callWebhookRoute } = await import("~/server/testing/webhook-receiver");
const { squareSignature, SQUARE_SIGNATURE_HEADER } = await import("~/server/integrations/square/signature");
const { petpoojaSignature, PETPOOJA_SIGNATURE_HEADER } = await import("~/server/integrations/petpooja/signature");
const { jobsDriver } = await import("~/server/jobs/driver");
const { count } = await import("drizzle-orm");

await migrateConfiguredDb();
const db = await getDb();
await jobsDriver();

/** One adapter for both servers: node request → WHATWG Request → handler → node response. */
function serve(handler: (req: Request) => Promise<Response>) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: new Uint8Array(Buffer.concat(chunks)) }));
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    });
  });
  return new Promise<{ origin: string; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

const bare = await serve(async (req) => {
  await req.text();
  return Response.json({ ok: true });
});
// The floor for any durable ingest: read the body and insert one row, nothing else.
const insertOnly = await serve(async (req) => {
  const rawBody = await req.text();
  await db.insert(webhookEvents).values({ provider: "bench", signatureValid: false, rawBody, status: "ignored" });
  return Response.json({ ok: true });
});
const real = await serve(callWebhookRoute);

// Square signs with the app's key over the notification URL as registered.
const squareUrl = `${real.origin}/api/webhooks/square`;
registerSandbox("square", { baseUrl: "http://127.0.0.1:9", app: { clientId: "bench", clientSecret: "bench", extra: { webhookSignatureKey: SQUARE_KEY, webhookUrl: squareUrl } } });

// PetPooja signs per restaurant: a connected restaurant and its webhook secret.
const { user, org, restaurant } = await makeTenant(db);
const conn = await saveConnection(db, { organizationId: org.id, userId: user.id }, {
  restaurantId: restaurant.id,
  provider: "petpooja",
  credentials: { accessToken: "bench" },
  locationId: "benchrest",
});
const petSecret = (await newestActiveSecret(db, conn.id))!.secret;
const petPath = `/api/webhooks/petpooja/order-status/${conn.id}`;

let seq = 0;
const squareBody = () =>
  JSON.stringify({
    merchant_id: "MBENCH",
    type: "order.updated",
    event_id: `evt-${process.pid}-${++seq}`,
    created_at: new Date().toISOString(),
    data: { type: "order", id: `O${seq}`, object: { order_updated: { order_id: `O${seq}`, location_id: "L1", state: "OPEN", version: 2 } } },
  });
const petBody = () => JSON.stringify({ restID: "benchrest", orderID: `bench-${++seq}`, status: "1", cancel_reason: "", minimum_prep_time: 20, rider_name: "", is_modified: "No" });

type Target = { name: string; origin: string; path: string; sign: (body: string) => Record<string, string>; body: () => string };
const targets: Target[] = [
  { name: "square", origin: real.origin, path: "/api/webhooks/square", body: squareBody, sign: (b) => ({ [SQUARE_SIGNATURE_HEADER]: squareSignature(SQUARE_KEY, squareUrl, b) }) },
  { name: "petpooja", origin: real.origin, path: petPath, body: petBody, sign: (b) => ({ [PETPOOJA_SIGNATURE_HEADER]: petpoojaSignature(petSecret, b) }) },
];

async function run(origin: string, t: Target) {
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        path: t.path,
        setupRequest: (req) => {
          const body = t.body();
          return { ...req, body, headers: { ...req.headers, "content-type": "application/json", ...t.sign(body) } };
        },
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

console.log(`webhook-ingest bench · db=${dbDriver()} · ${CONNECTIONS} connections · ${SECONDS}s per run`);
for (const t of targets) {
  const b = await run(bare.origin, t);
  const i = await run(insertOnly.origin, t);
  const r = await run(t.origin, t);
  const [stored] = await db.select({ n: count() }).from(webhookEvents);
  console.log(
    `  ${t.name.padEnd(9)} bare ${b.rps.toFixed(0)} rps (p99 ${b.p99} ms) · one insert ${i.rps.toFixed(0)} rps (p99 ${i.p99} ms) · real ${r.rps.toFixed(0)} rps (p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}) · real/bare ${(r.rps / b.rps).toFixed(2)} · real/insert ${(r.rps / i.rps).toFixed(2)} · rows ${stored?.n}`,
  );
}

await (await jobsDriver()).inline?.stop();
await bare.close();
await insertOnly.close();
await real.close();
await (await getDbHandle()).close();
await benchEnv.drop();
process.exit(0);
