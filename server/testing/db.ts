import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "~/db/client";
import { runMigrations } from "~/db/migrate-runner";

export type TestDb = DbHandle & { url?: string; dispose: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
 * database on the server at TEST_DATABASE_URL (created here, dropped in dispose()).
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await createDb({ pgliteLoadDataDir: await migratedPgliteDump() });
    return { ...handle, dispose: handle.close };
  }
  const template = process.env.TEST_DATABASE_TEMPLATE;
  const scratch = await createScratchDatabase(serverUrl, template);
  if (!template) {
    const migrator = await createDb({ url: scratch.url, driver: "pg", poolMax: 1 });
    await runMigrations(migrator);
    await migrator.close();
  }
  const handle = await createDb({ url: scratch.url, driver: "pg" });
  return {
    ...handle,
    url: scratch.url,
    dispose: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/**
 * Migrating a fresh PGlite for every test costs seconds; a dump of one migrated cluster per
 * test process loads in a fraction of that.
 */
let pgliteDump: Promise<Blob | File> | null = null;
function migratedPgliteDump() {
  pgliteDump ??= (async () => {
    const handle = await createDb({});
    await runMigrations(handle);
    const dump = await (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob | File> } }).$client.dumpDataDir("none");
    await handle.close();
    return dump;
  })();
  return pgliteDump;
}

/** A new database on the server at `serverUrl` (empty, or a copy of `template`), and a way to drop it. */
export async function createScratchDatabase(serverUrl: string, template?: string) {
  const name = `sb_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
