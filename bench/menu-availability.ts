/**
 * Webhook → availability latency (issue 5: a POS's "sold out" is on the marketplace menu in
 * under 1 s). A PetPooja-connected restaurant with a synced menu (makeMenu); N signed
 * inventory-update webhooks (seed 002 `{restaurant_id, item_id, availability}`) posted to
 * /api/webhooks/petpooja/inventory-update/<connection id> through the real route handler
 * (verify → dedupe → store → dispatch), processed by the in-process jobs driver as the server
 * runs it; each one is timed from the send until the marketplace menu read (loadMenuTree, what
 * GET /api/v1/restaurants/:id/menu returns) shows the change. Every webhook flips its item, so
 * none is a no-op. Sent one at a time by default (latency, not throughput); BENCH_CONCURRENCY
 * sends that many at once.
 *
 *   npx tsx bench/menu-availability.ts                       # embedded PGlite (in memory)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/menu-availability.ts
 *   BENCH_WEBHOOKS=200 BENCH_MENU_ITEMS=120 BENCH_CONCURRENCY=1 BENCH_POLL_MS=5 …
 *
 * The read is polled every BENCH_POLL_MS (5 ms), which is the figures' resolution. Goal: p95 < 1 s.
 */
import type { Db } from "~/db/client";
import type { MenuSpec } from "~/server/testing/menu-factory";

export type AvailabilityLatencyOptions = {
  db: Db;
  restaurantId: string;
  connectionId: string;
  /** The connection's webhook secret (HMAC-SHA256 over the raw body). */
  secret: string;
  /** POS item ids on the connection's menu; webhooks go round-robin over them. */
  itemExternalIds: string[];
  /** Webhooks to send (default 200). */
  n?: number;
  /** Webhooks in flight at once (default 1). */
  concurrency?: number;
  pollMs?: number;
  /** Give up on one webhook after this long (default 10 s). */
  timeoutMs?: number;
  origin?: string;
};

export type LatencySummary = { n: number; p50: number; p95: number; max: number; mean: number; samples: number[]; accepted: number; /** Send → the route answered 200 (stored, dispatched), p50 ms. */ ackP50?: number };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export function summarize(samples: number[], accepted = samples.length): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { n: samples.length, p50: pct(sorted, 50), p95: pct(sorted, 95), max: sorted.at(-1) ?? NaN, mean, samples, accepted };
}

/** Sends `n` signed inventory webhooks and measures send → visible on the marketplace menu, in ms. */
export async function measureWebhookToAvailability(opts: AvailabilityLatencyOptions): Promise<LatencySummary> {
  const { callWebhookRoute } = await import("~/server/testing/webhook-receiver");
  const { loadMenuTree } = await import("~/server/menu/availability/read-menu");
  const { petpoojaSignature, PETPOOJA_SIGNATURE_HEADER } = await import("~/server/integrations/petpooja/signature");
  const n = opts.n ?? 200;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const pollMs = opts.pollMs ?? 5;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const url = `${opts.origin ?? "http://127.0.0.1:3000"}/api/webhooks/petpooja/inventory-update/${opts.connectionId}`;

  // What the menu shows now, per POS id; each webhook asks for the opposite.
  const tree = await loadMenuTree(opts.db, opts.restaurantId);
  const state = new Map(tree.categories.flatMap((c) => c.items).map((i) => [i.externalId, i.available]));
  for (const id of opts.itemExternalIds) if (!state.has(id)) throw new Error(`item ${id} is not on the menu`);
  const busy = new Set<string>();

  const samples: number[] = [];
  const acks: number[] = [];
  let accepted = 0;
  let next = 0;
  let seq = 0;

  async function one(itemId: string) {
    const available = !state.get(itemId);
    // A timestamp per send keeps every body (and so PetPooja's body-digest event id) unique.
    const raw = JSON.stringify({ restaurant_id: "benchrest", item_id: itemId, availability: available ? 1 : 0, timestamp: new Date().toISOString(), seq: ++seq });
    const started = performance.now();
    const res = await callWebhookRoute(
      new Request(url, { method: "POST", headers: { "content-type": "application/json", [PETPOOJA_SIGNATURE_HEADER]: petpoojaSignature(opts.secret, raw) }, body: raw }),
    );
    if (res.status >= 300) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    accepted++;
    acks.push(performance.now() - started);
    for (;;) {
      const menu = await loadMenuTree(opts.db, opts.restaurantId);
      const item = menu.categories.flatMap((c) => c.items).find((i) => i.externalId === itemId);
      if (item?.available === available) break;
      if (performance.now() - started > timeoutMs) throw new Error(`item ${itemId} still shows available=${String(item?.available)} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
    samples.push(performance.now() - started);
    state.set(itemId, available);
  }

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        // Round-robin, skipping items another worker is flipping right now.
        let itemId = opts.itemExternalIds[next % opts.itemExternalIds.length]!;
        for (let k = 1; busy.has(itemId) && k < opts.itemExternalIds.length; k++) itemId = opts.itemExternalIds[(next + k) % opts.itemExternalIds.length]!;
        next++;
        busy.add(itemId);
        try {
          await one(itemId);
        } finally {
          busy.delete(itemId);
        }
      }
    }),
  );
  return { ...summarize(samples, accepted), ackP50: summarize(acks).p50 };
}

/** A menu of `items` PetPooja-style items over ten categories, a third with two variations. */
export function benchMenu(items: number): MenuSpec {
  const perCategory = Math.ceil(items / 10);
  return {
    currency: "INR",
    categories: Array.from({ length: 10 }, (_, c) => ({
      externalId: `cat-${c}`,
      name: `Category ${c + 1}`,
      items: Array.from({ length: Math.max(0, Math.min(perCategory, items - c * perCategory)) }, (_, k) => {
        const i = c * perCategory + k;
        return {
          externalId: String(10_000 + i),
          name: `Dish ${i}`,
          price: 10_000 + i * 100,
          variations: i % 3 === 0 ? [{ externalId: `v${i}-half`, name: "Half", price: 10_000 + i * 100 }, { externalId: `v${i}-full`, name: "Full", price: 18_000 + i * 100 }] : [],
          modifierGroups: i % 4 === 0 ? ["grp-addons"] : [],
        };
      }),
    })),
    modifierGroups: [{ externalId: "grp-addons", name: "Add-ons", modifiers: [{ externalId: "50001", name: "Mojito", price: 6000 }, { externalId: "50002", name: "Raita", price: 4000 }] }],
  };
}

// ─── main ───────────────────────────────────────────────────────────────────────────────
const isMain = process.argv[1] && /menu-availability\.ts$/.test(process.argv[1]);
if (isMain) await main();

async function main() {
  const N = Number(process.env.BENCH_WEBHOOKS ?? 200);
  const ITEMS = Number(process.env.BENCH_MENU_ITEMS ?? 120);
  const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
  const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 5);
  process.env.APP_ENCRYPTION_KEY ??= `bench:${Buffer.alloc(32, 7).toString("base64")}`;
  const { configureBenchEnv } = await import("./bench-env");
  const benchEnv = await configureBenchEnv("error");

  const { getDb, getDbHandle, migrateConfiguredDb, dbDriver } = await import("~/db");
  const { connections } = await import("~/db/schema");
  const { makeTenant } = await import("~/server/testing/factories");
  const { makeMenu } = await import("~/server/testing/menu-factory");
  const { createWebhookSecret } = await import("~/server/webhooks/secrets");
  const { jobsDriver } = await import("~/server/jobs/driver");

  await migrateConfiguredDb();
  const db = await getDb();
  const jobs = await jobsDriver(); // the in-process driver, as the server runs it
  const { org, restaurant } = await makeTenant(db);
  // Inserted directly: saveConnection would also dispatch an initial menu sync against PetPooja.
  const [conn] = await db
    .insert(connections)
    .values({ organizationId: org.id, restaurantId: restaurant.id, provider: "petpooja", externalLocationId: "benchrest", config: {} })
    .returning();
  const { secret } = await createWebhookSecret(db, conn!.id);
  const owner = { organizationId: org.id, restaurantId: restaurant.id, connectionId: conn!.id };
  const spec = benchMenu(ITEMS);
  await makeMenu(db, owner, spec);
  const itemIds = spec.categories.flatMap((c) => c.items.map((i) => i.externalId));

  const common = { db, restaurantId: restaurant.id, connectionId: conn!.id, secret, itemExternalIds: itemIds, pollMs: POLL_MS };
  console.log(`menu-availability bench · db=${dbDriver()} · jobs=${jobs.name} · menu ${ITEMS} items · ${N} webhooks · concurrency ${CONCURRENCY} · poll ${POLL_MS} ms`);
  // Warm-up (module loading, prepared statements, JIT), not counted.
  await measureWebhookToAvailability({ ...common, n: 20 });
  const r = await measureWebhookToAvailability({ ...common, n: N, concurrency: CONCURRENCY });
  const f = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`  webhook → marketplace menu shows it: p50 ${f(r.p50)} · p95 ${f(r.p95)} · max ${f(r.max)} · mean ${f(r.mean)} (${r.n} measured, ${r.accepted} accepted; the route answered in p50 ${f(r.ackP50 ?? NaN)}) · goal p95 < 1000 ms: ${r.p95 < 1000 ? "met" : "MISSED"}`);

  // Server side of the same changes: the webhook stored (received_at) → our menu row written (applied_at).
  const { availabilityChanges } = await import("~/db/schema");
  const { and, eq, isNotNull } = await import("drizzle-orm");
  const applied = await db
    .select({ receivedAt: availabilityChanges.receivedAt, appliedAt: availabilityChanges.appliedAt })
    .from(availabilityChanges)
    .where(and(eq(availabilityChanges.restaurantId, restaurant.id), eq(availabilityChanges.source, "webhook"), isNotNull(availabilityChanges.appliedAt)));
  const server = summarize(applied.map((c) => c.appliedAt!.getTime() - c.receivedAt.getTime()));
  console.log(`  server side, received_at → applied_at (all ${server.n} changes incl. warm-up): p50 ${f(server.p50)} · p95 ${f(server.p95)} · max ${f(server.max)}`);

  await jobs.inline?.stop();
  await (await getDbHandle()).close();
  await benchEnv.drop();
  process.exit(0);
}
