import { env } from "~/env";
import { dbDriver, getDb, migrateConfiguredDb } from "~/db";
import { seedDemoData } from "~/db/seed";
import { jobsDriver } from "~/server/jobs/driver";
import { logger } from "~/server/logger";

/**
 * Server start (instrumentation.ts): migrate, seed the demo data into an empty dev database,
 * start the jobs driver. Production never seeds, and migrates at deploy unless asked here.
 */
export async function boot() {
  const production = env.NODE_ENV === "production";
  if (env.MIGRATE_ON_START ?? !production) {
    await migrateConfiguredDb();
    logger.info("db.migrated", { driver: dbDriver() });
  }
  if (!production && (env.SEED_DEMO_DATA ?? env.NODE_ENV === "development")) {
    const { seeded } = await seedDemoData(await getDb());
    if (seeded) logger.info("db.demo_seeded", { logins: ["admin@example.com", "seller@example.com"] });
  }
  const jobs = await jobsDriver();
  logger.info("jobs.driver", { driver: jobs.name });
}
