import { env } from "~/env";
import { dbDriver, getDb, migrateConfiguredDb } from "~/db";
import { seedDemoData } from "~/db/seed";
import { startSandboxes } from "~/server/integrations/sandbox";
import { adoptSandboxConnections } from "~/server/integrations/square/sandbox-adopt";
import { jobsDriver } from "~/server/jobs/driver";
import { logger } from "~/server/logger";
import { keyring } from "~/server/vault/keyring";

/**
 * Server start (instrumentation.ts): migrate, seed the demo data into an empty dev database,
 * start the provider sandboxes (dev/e2e) and the jobs driver. Production never seeds, and migrates at deploy unless asked here.
 */
export async function boot() {
  const production = env.NODE_ENV === "production";
  // A malformed vault key stops the start here, not at the first connection.
  keyring();
  if (env.MIGRATE_ON_START ?? !production) {
    await migrateConfiguredDb();
    logger.info("db.migrated", { driver: dbDriver() });
  }
  if (!production && (env.SEED_DEMO_DATA ?? env.NODE_ENV === "development")) {
    const { seeded } = await seedDemoData(await getDb());
    if (seeded) logger.info("db.demo_seeded", { logins: ["admin@example.com", "seller@example.com"] });
  }
  if (env.PROVIDER_SANDBOX ?? env.NODE_ENV === "development") {
    const sandboxes = await startSandboxes(env.SANDBOX_PORT);
    const adopted = await adoptSandboxConnections(await getDb(), sandboxes.square);
    if (adopted) logger.info("sandbox.square_connections_adopted", { connections: adopted });
  }
  const jobs = await jobsDriver();
  logger.info("jobs.driver", { driver: jobs.name });
}
