import { sql } from "drizzle-orm";
import { dbDriver, getDb } from "~/db";
import { jobsDriver } from "~/server/jobs/driver";
import pkg from "~/package.json" with { type: "json" };

export type Health = {
  status: "ok" | "degraded";
  db: { ok: boolean; driver: string; latency_ms: number | null; error?: string };
  jobs_driver: string;
  version: string;
};

export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  let db: Health["db"];
  try {
    await (await getDb()).execute(sql`select 1`);
    db = { ok: true, driver: dbDriver(), latency_ms: Math.round(performance.now() - started) };
  } catch (e) {
    db = { ok: false, driver: dbDriver(), latency_ms: null, error: (e as Error).message };
  }
  const jobs = await jobsDriver();
  return { status: db.ok ? "ok" : "degraded", db, jobs_driver: jobs.name, version: pkg.version };
}
