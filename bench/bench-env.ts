/**
 * What every bench does first, before any app module reads the environment: a throwaway
 * database on BENCH_DATABASE_URL (dropped at the end) or in-memory PGlite, and the in-process
 * jobs driver.
 */
export async function configureBenchEnv(logLevel: string): Promise<{ drop: () => Promise<void> }> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  process.env.JOBS_DRIVER = "inline";
  process.env.LOG_LEVEL ??= logLevel;
  if (!serverUrl) {
    process.env.PGLITE_DATA_DIR = "memory://";
    return { drop: async () => {} };
  }
  const { createScratchDatabase } = await import("~/server/testing/db");
  const scratch = await createScratchDatabase(serverUrl);
  process.env.DATABASE_URL = scratch.url;
  return { drop: scratch.drop };
}
