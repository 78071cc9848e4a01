/**
 * Fresh e2e database: drop and recreate the database named in DATABASE_URL, migrate it and
 * load the demo data, so every run starts from the same known state.
 */
import pg from "pg";
import { createDb } from "../db/client";
import { runMigrations } from "../db/migrate-runner";
import { seedDemoData } from "../db/seed";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required for e2e");
const target = new URL(url);
const name = target.pathname.slice(1);
if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing odd database name ${name}`);

const adminUrl = new URL(url);
adminUrl.pathname = "/postgres";
const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
await admin.end();

const handle = await createDb({ url, driver: "pg", poolMax: 1 });
await runMigrations(handle);
// Without the demo menu connection: specs connect Square themselves (order-sync, menu).
await seedDemoData(handle.db, { menu: false });
await handle.close();
console.log(`e2e database ${name} ready`);
