/**
 * Webhook ingest throughput in a production Next.js server (`next start`): the real webhook
 * routes (size limit, signature verification in constant time, dedupe, durable store,
 * dispatch) against a bare route handler that only reads the body and one that reads it and
 * inserts one row (app/api/bench/[baseline], served only with BENCH_ROUTES=1), in the same
 * run, with autocannon (20 connections) and signed Square and PetPooja bodies.
 *
 *   npx tsx bench/webhook-ingest.ts                                              # PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/webhook-ingest.ts
 *   BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_ONLY=petpooja BENCH_REBUILD=1 …
 *     (REBUILD: run `next build` first, done anyway without a build; ONLY: some targets)
 *   BENCH_PROFILE=<dir>  a V8 CPU profile of the server · BENCH_SERVER_NODE_OPTIONS  its NODE_OPTIONS
 *
 * Every request carries a new event id, so none is a replay: each one is verified, stored and
 * dispatched. Dispatch goes where it goes in production: to the Inngest event API, here a local
 * stand-in that accepts events as Inngest does; processing runs in a separate function
 * invocation there, so it is measured separately below (events processed per second).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY?.split(",");
const CONNECTIONS = 20;
const SQUARE_KEY = "bench-square-signature-key";
const ENCRYPTION_KEY = `bench:${Buffer.alloc(32, 7).toString("base64")}`;
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-00";

// ─── Environment, before any app module reads it ─────────────────────────────────────────
const serverUrl = process.env.BENCH_DATABASE_URL;
const pgliteDir = `.data/bench-webhook-ingest-${process.pid}`;
process.env.APP_ENCRYPTION_KEY = ENCRYPTION_KEY;
process.env.LOG_LEVEL = "error";
process.env.JOBS_DRIVER = "inline";
let dropScratch = async () => {};
if (serverUrl) {
  const { createScratchDatabase } = await import("~/server/testing/db");
  const scratch = await createScratchDatabase(serverUrl);
  process.env.DATABASE_URL = scratch.url;
  dropScratch = scratch.drop;
} else {
  process.env.PGLITE_DATA_DIR = pgliteDir;
}

const { getDb, getDbHandle, migrateConfiguredDb, dbDriver } = await import("~/db");
const { webhookEvents } = await import("~/db/schema");
const { makeTenant } = await import("~/server/testing/factories");
const { saveConnection } = await import("~/server/connections/manage");
const { newestActiveSecret } = await import("~/server/webhooks/secrets");
const { processWebhookEvent } = await import("~/server/webhooks/process");
const { jobsDriver } = await import("~/server/jobs/driver");
const { squareSignature, SQUARE_SIGNATURE_HEADER } = await import("~/server/integrations/square/signature");
const { petpoojaSignature, PETPOOJA_SIGNATURE_HEADER } = await import("~/server/integrations/petpooja/signature");
const { count, eq } = await import("drizzle-orm");

// ─── Data: a Square restaurant (routed by merchant id) and a PetPooja one (own secret) ──
await migrateConfiguredDb();
let db = await getDb();
const driver = dbDriver();
const square = await makeTenant(db);
await saveConnection(db, { organizationId: square.org.id, userId: square.user.id }, {
  restaurantId: square.restaurant.id,
  provider: "square",
  credentials: { accessToken: "bench" },
  locationId: "LBENCH",
  merchantId: "MBENCH",
});
const pet = await makeTenant(db);
const petConn = await saveConnection(db, { organizationId: pet.org.id, userId: pet.user.id }, {
  restaurantId: pet.restaurant.id,
  provider: "petpooja",
  credentials: { accessToken: "bench" },
  locationId: "benchrest",
});
const petSecret = (await newestActiveSecret(db, petConn.id))!.secret;
// Connecting dispatched an initial menu sync, which started this process's jobs driver: stop
// it, then hand the database to the server (one process per PGlite data dir).
await (await jobsDriver()).inline?.stop();
await (await getDbHandle()).close();

// ─── The Inngest event API stand-in ─────────────────────────────────────────────────────
const sink = spawn(process.execPath, ["--import", "tsx", "bench/inngest-stand-in.ts"], { stdio: ["ignore", "pipe", "inherit"] });
const sinkUrl = await new Promise<string>((resolve, reject) => {
  sink.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
  sink.once("exit", (code) => reject(new Error(`the Inngest stand-in exited (${code})`)));
});
const eventsSent = async () => ((await (await fetch(`${sinkUrl}/count`)).json()) as { events: number }).events;

// ─── next start ─────────────────────────────────────────────────────────────────────────
if (process.env.BENCH_REBUILD || !existsSync(".next/BUILD_ID")) {
  console.log("building (next build)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", AUTH_SECRET } });
  if (build.status !== 0) throw new Error("next build failed");
}
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = await startNext(port);

let seq = 0;
const squareUrl = squareUrlFor(port);
const squareBody = () =>
  JSON.stringify({
    merchant_id: "MBENCH",
    type: "order.updated",
    event_id: `evt-${process.pid}-${++seq}`,
    created_at: new Date().toISOString(),
    data: { type: "order", id: `O${seq}`, object: { order_updated: { order_id: `O${seq}`, location_id: "LBENCH", state: "OPEN", version: 2 } } },
  });
const petBody = () => JSON.stringify({ restID: "benchrest", orderID: `bench-${++seq}`, status: "1", cancel_reason: "", minimum_prep_time: 20, rider_name: "", is_modified: "No" });

type Target = { name: string; path: string; sign: (body: string) => Record<string, string>; body: () => string };
const targets: Target[] = [
  { name: "square", path: "/api/webhooks/square", body: squareBody, sign: (b) => ({ [SQUARE_SIGNATURE_HEADER]: squareSignature(SQUARE_KEY, squareUrl, b) }) },
  { name: "petpooja", path: `/api/webhooks/petpooja/order-status/${petConn.id}`, body: petBody, sign: (b) => ({ [PETPOOJA_SIGNATURE_HEADER]: petpoojaSignature(petSecret, b) }) },
];

type Run = { rps: number; p99: number; ok: number; non2xx: number; errors: number };
async function run(path: string, t: Target, seconds = SECONDS): Promise<Run> {
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path,
        setupRequest: (req) => {
          const body = t.body();
          return { ...req, body, headers: { ...req.headers, "content-type": "application/json", ...t.sign(body) } };
        },
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, ok: result["2xx"], non2xx: result.non2xx, errors: result.errors };
}

console.log(`webhook-ingest bench · next start · db=${driver} · ${CONNECTIONS} connections · ${ROUNDS} rounds of ${SECONDS}s per handler`);
// Warm-up (JIT, route compilation on first hit, prepared statements), not counted.
for (const t of targets) await run(t.path, t, 2);
await run("/api/bench/bare", targets[0]!, 1);
await run("/api/bench/insert", targets[0]!, 1);
const accepted: Record<string, number> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const t of targets.filter((x) => !ONLY || ONLY.includes(x.name))) {
  const sentBefore = await eventsSent();
  // Rounds interleave the three handlers so drift over the run (checkpoints, a growing table,
  // a noisy neighbour) falls on all of them alike; each figure is the median of its rounds.
  const rounds: { b: Run; i: Run; r: Run }[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    rounds.push({ b: await run("/api/bench/bare", t), i: await run("/api/bench/insert", t), r: await run(t.path, t) });
  }
  const m = (pick: (x: { b: Run; i: Run; r: Run }) => number) => median(rounds.map(pick));
  accepted[t.name] = rounds.reduce((n, x) => n + x.r.ok, 0);
  const bad = rounds.reduce((n, x) => n + x.r.non2xx + x.r.errors, 0);
  console.log(
    `  ${t.name.padEnd(9)} bare ${m((x) => x.b.rps).toFixed(0)} rps (p99 ${m((x) => x.b.p99)} ms) · one insert ${m((x) => x.i.rps).toFixed(0)} rps (p99 ${m((x) => x.i.p99)} ms) · ` +
      `real ${m((x) => x.r.rps).toFixed(0)} rps (p99 ${m((x) => x.r.p99)} ms, non-2xx/errors ${bad}) · real/bare ${m((x) => x.r.rps / x.b.rps).toFixed(2)} · ` +
      `real/insert ${m((x) => x.r.rps / x.i.rps).toFixed(2)} · dispatched ${(await eventsSent()) - sentBefore}`,
  );
  console.log(`    rounds (real/bare): ${rounds.map((x) => (x.r.rps / x.b.rps).toFixed(2)).join(" ")}`);
}
await stopNext(server);
sink.kill("SIGTERM");

// ─── Everything accepted is stored; then how fast a worker processes what was stored ─────
const reopened = await reopen();
db = reopened.db;
const rows = await db.select({ provider: webhookEvents.provider, n: count() }).from(webhookEvents).where(eq(webhookEvents.status, "received")).groupBy(webhookEvents.provider);
console.log(`  stored as received: ${rows.map((r) => `${r.provider} ${r.n}`).join(" · ")} (accepted: ${Object.entries(accepted).map(([k, v]) => `${k} ${v}`).join(" · ")})`);
const due = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.status, "received")).limit(2_000);
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < due.length) await processWebhookEvent(db, due[next++]!.id);
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(`  processing (4 concurrent, in this process): ${due.length} events in ${seconds.toFixed(1)} s = ${(due.length / seconds).toFixed(0)} events/s`);

await reopened.close();
await dropScratch();
if (!serverUrl) rmSync(pgliteDir, { recursive: true, force: true });
process.exit(0);

// ─── helpers ────────────────────────────────────────────────────────────────────────────
async function freePort() {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const p = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  return p;
}

async function startNext(p: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET,
    APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
    MIGRATE_ON_START: "false",
    SEED_DEMO_DATA: "false",
    PROVIDER_SANDBOX: "false",
    BENCH_ROUTES: "true",
    JOBS_DRIVER: "inngest",
    INNGEST_DEV: sinkUrl,
    SQUARE_WEBHOOK_SIGNATURE_KEY: SQUARE_KEY,
    SQUARE_WEBHOOK_URL: squareUrlFor(p),
    LOG_LEVEL: "error",
    NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? "",
  };
  // Production demands a database URL unless PGlite is asked for by name.
  if (!serverUrl) env.DATABASE_DRIVER = "pglite";
  const nodeArgs = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn("node", [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(p), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/api/bench/bare`, { method: "POST", body: "{}" });
      if (res.status === 200) return child;
      if (res.status === 404) throw new Error("/api/bench/bare answers 404: the build predates it — run with BENCH_REBUILD=1");
    } catch (error) {
      if (error instanceof Error && error.message.includes("BENCH_REBUILD")) throw error;
    }
    if (Date.now() > deadline) throw new Error("next start did not come up in 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
}

function squareUrlFor(p: number) {
  return `http://127.0.0.1:${p}/api/webhooks/square`;
}

async function stopNext(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

async function reopen() {
  const { createDb } = await import("~/db/client");
  return createDb({ url: process.env.DATABASE_URL, pgliteDataDir: pgliteDir });
}
