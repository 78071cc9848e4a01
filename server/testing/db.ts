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
    const handle = await createDb({});
    await runMigrations(handle);
    return { ...handle, dispose: handle.close };
  }
  const scratch = await createScratchDatabase(serverUrl);
  const migrator = await createDb({ url: scratch.url, driver: "pg", poolMax: 1 });
  await runMigrations(migrator);
  await migrator.close();
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

/** A new, empty database on the server at `serverUrl`, and a way to drop it. */
export async function createScratchDatabase(serverUrl: string) {
  const name = `sb_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
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
