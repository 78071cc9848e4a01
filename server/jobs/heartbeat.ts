import { desc, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { jobHeartbeats } from "~/db/schema";

/** Record that a scheduled job ran, and through which driver. */
export async function recordHeartbeat(db: Db, name: string, driver: string, at = new Date()) {
  await db
    .insert(jobHeartbeats)
    .values({ name, driver, lastRunAt: at, runCount: 1 })
    .onConflictDoUpdate({
      target: jobHeartbeats.name,
      set: { driver, lastRunAt: at, runCount: sql`${jobHeartbeats.runCount} + 1` },
    });
  return { name, driver, at };
}

export function listHeartbeats(db: Db) {
  return db.select().from(jobHeartbeats).orderBy(desc(jobHeartbeats.lastRunAt));
}
