import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 727_001;

/**
 * Apply committed drizzle-kit migrations. On a shared server several processes (Vercel
 * instances, dev + CI) may start at once, so the run holds a Postgres advisory lock. A
 * session lock belongs to one connection: pass a handle opened with `poolMax: 1`.
 */
export async function runMigrations(handle: DbHandle, migrationsFolder = MIGRATIONS_DIR) {
  const config = { migrationsFolder };
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
    return;
  }
  await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  try {
    if (handle.driver === "pg") {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(handle.db as never, config);
    } else {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      await migrate(handle.db as never, config);
    }
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
}
