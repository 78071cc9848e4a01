import { env } from "~/env";
import { createDb, pickDriver, type Db, type DbHandle } from "./client";
import { runMigrations } from "./migrate-runner";

export type { Db, DbOrTx, Tx } from "./client";

type Global = { __switchboardDb?: Promise<DbHandle> };
const g = globalThis as Global;

function openFromEnv(poolMax?: number) {
  return createDb({
    url: env.DATABASE_URL,
    driver: env.DATABASE_DRIVER,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    poolMax,
  });
}

export const dbDriver = () => pickDriver(env.DATABASE_URL, env.DATABASE_DRIVER);

/**
 * The app's database, opened on first use and kept on globalThis so dev hot reloads reuse
 * it (PGlite allows one process per data dir; a second instance would corrupt it).
 */
export function getDbHandle(): Promise<DbHandle> {
  g.__switchboardDb ??= openFromEnv();
  return g.__switchboardDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Migrate the configured database. PGlite reuses the app's instance; servers get a 1-connection pool. */
export async function migrateConfiguredDb() {
  if (dbDriver() === "pglite") return runMigrations(await getDbHandle());
  const handle = await openFromEnv(1);
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
}
