import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "~/server/testing/db";
import { startNeonWsProxy } from "~/server/testing/neon-ws-proxy";
import { createDb, pickDriver } from "./client";
import { runMigrations } from "./migrate-runner";
import { users } from "./schema";

describe("pickDriver", () => {
  it("chooses by DATABASE_URL", () => {
    expect(pickDriver(undefined)).toBe("pglite");
    expect(pickDriver("postgres://u:p@127.0.0.1:5432/db")).toBe("pg");
    expect(pickDriver("postgresql://u:p@db.internal:5432/db")).toBe("pg");
    expect(pickDriver("postgres://u:p@ep-cool-1.us-east-2.aws.neon.tech/db?sslmode=require")).toBe("neon");
    expect(pickDriver("postgres://u:p@127.0.0.1/db", "neon")).toBe("neon");
  });
});

describe("migrations", () => {
  it("apply to an empty database and are idempotent", async () => {
    const db = await createTestDb();
    try {
      await runMigrations(db); // second run: a no-op, not an error
      const res = await db.db.execute(sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      const rows = (res as unknown as { rows: { n: number }[] }).rows;
      expect(rows[0]!.n).toBeGreaterThanOrEqual(17);
    } finally {
      await db.dispose();
    }
  });
});

// The Neon serverless driver over a local WebSocket→TCP proxy, against real Postgres.
describe.runIf(!!process.env.TEST_DATABASE_URL)("neon driver", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("migrates, writes and reads through the ws proxy", async () => {
    const target = await createTestDb();
    cleanups.push(target.dispose);
    const proxy = await startNeonWsProxy();
    cleanups.push(proxy.close);
    const neon = await createDb({ url: target.url!, driver: "neon", neonWsProxy: proxy.url, poolMax: 1 });
    cleanups.push(neon.close);
    expect(neon.driver).toBe("neon");
    await runMigrations(neon);
    await neon.db.insert(users).values({ email: "neon@test.dev", name: "Neon", passwordHash: "x" });
    const rows = await neon.db.select().from(users);
    expect(rows.map((r) => r.email)).toEqual(["neon@test.dev"]);
    await neon.db.transaction(async (tx) => {
      await tx.update(users).set({ name: "Neon 2" }).where(sql`true`);
    });
    expect((await neon.db.select().from(users))[0]!.name).toBe("Neon 2");
  });
});
