/**
 * Vitest global setup. On Postgres (TEST_DATABASE_URL) one database is migrated for the whole
 * run and every test database is created as a copy of it (`create database … template`), which
 * is far faster than migrating each one. Dropped when the run ends.
 */
import { createDb } from "~/db/client";
import { runMigrations } from "~/db/migrate-runner";
import { createScratchDatabase } from "./db";

export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const template = await createScratchDatabase(serverUrl);
  const migrator = await createDb({ url: template.url, driver: "pg", poolMax: 1 });
  await runMigrations(migrator);
  await migrator.close();
  // Test processes are started after this and inherit it.
  process.env.TEST_DATABASE_TEMPLATE = new URL(template.url).pathname.slice(1);
  return () => template.drop();
}
