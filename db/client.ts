import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The driver-neutral database type every domain module takes. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export type DriverName = "pglite" | "pg" | "neon";

export type DbHandle = {
  db: Db;
  driver: DriverName;
  /** Run a raw statement, used by migrations' advisory lock and health checks. */
  close: () => Promise<void>;
};

export type CreateDbOptions = {
  /** Unset → PGlite. */
  url?: string;
  driver?: DriverName;
  /** PGlite data dir; "memory://" (or undefined with memory: true) keeps it in memory. */
  pgliteDataDir?: string;
  /** PGlite only: start from this dump (`dumpDataDir`) instead of an empty cluster (tests). */
  pgliteLoadDataDir?: Blob | File;
  /** Neon only: route the driver's WebSocket through this proxy (local testing). */
  neonWsProxy?: string;
  poolMax?: number;
};

/** Neon's serverless driver is for Neon hosts; everything else speaks plain TCP. */
export function pickDriver(url: string | undefined, forced?: DriverName): DriverName {
  if (forced) return forced;
  if (!url) return "pglite";
  const host = new URL(url).hostname;
  return host.endsWith(".neon.tech") || host.endsWith(".neon.build") ? "neon" : "pg";
}

const casing = "snake_case" as const;

/**
 * Open a database with the driver `DATABASE_URL` calls for (see DESIGN.md "Stack").
 * Drivers are imported lazily so a deployment only loads the one it uses.
 */
export async function createDb(opts: CreateDbOptions): Promise<DbHandle> {
  const driver = pickDriver(opts.url, opts.driver);
  if (driver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const dir = opts.pgliteDataDir ?? "memory://";
    // PGlite does not create parent directories itself.
    if (!dir.startsWith("memory://")) mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dir)), { recursive: true });
    const client = opts.pgliteLoadDataDir ? new PGlite(dir, { loadDataDir: opts.pgliteLoadDataDir }) : new PGlite(dir);
    const db = drizzle({ client, schema, casing }) as unknown as Db;
    return { db, driver, close: () => client.close() };
  }
  if (!opts.url) throw new Error(`The ${driver} driver needs a database URL`);
  if (driver === "pg") {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const client = new Pool({ connectionString: opts.url, max: opts.poolMax ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    client.on("error", (error: Error) => console.warn(JSON.stringify({ level: "warn", msg: "db.idle_client_error", error: error.message })));
    const db = drizzle({ client, schema, casing }) as unknown as Db;
    return { db, driver, close: () => client.end() };
  }
  const { Pool, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  const { default: ws } = await import("ws");
  // Node has no global WebSocket before v22; the Neon driver needs one handed to it.
  neonConfig.webSocketConstructor = ws;
  if (opts.neonWsProxy) {
    const proxy = opts.neonWsProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const client = new Pool({ connectionString: opts.url, max: opts.poolMax ?? 10 });
  client.on("error", (error: Error) => console.warn(JSON.stringify({ level: "warn", msg: "db.idle_client_error", error: error.message })));
  const db = drizzle({ client, schema, casing }) as unknown as Db;
  return { db, driver, close: () => client.end() };
}
