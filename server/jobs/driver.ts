import { env } from "~/env";
import { getDb } from "~/db";
import { logger } from "~/server/logger";
import { InlineDriver } from "./inline-driver";

export type JobsDriverName = "inngest" | "inline";

type State = { name: JobsDriverName; inline: InlineDriver | null };
const g = globalThis as { __switchboardJobs?: Promise<State>; __switchboardJobsReady?: State };

const DEV_SERVER_DEFAULT = "http://localhost:8288";

async function devServerReachable(url: string) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(500) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Inngest when it is configured (an event key) or a dev server answers at INNGEST_DEV;
 * otherwise the in-process driver. JOBS_DRIVER overrides the choice.
 */
export async function chooseDriver(): Promise<JobsDriverName> {
  if (env.JOBS_DRIVER) return env.JOBS_DRIVER;
  if (env.INNGEST_EVENT_KEY) return "inngest";
  if (env.INNGEST_DEV) {
    const url = env.INNGEST_DEV.startsWith("http") ? env.INNGEST_DEV : DEV_SERVER_DEFAULT;
    if (await devServerReachable(url)) return "inngest";
    logger.info("jobs.inngest_dev_unreachable", { url, fallback: "inline" });
  }
  return "inline";
}

async function init(): Promise<State> {
  const name = await chooseDriver();
  if (name === "inngest") return { name, inline: null };
  const inline = new InlineDriver(await getDb());
  await inline.start();
  return { name, inline };
}

/** The process's jobs driver, started once. */
export function jobsDriver(): Promise<State> {
  g.__switchboardJobs ??= init().then((state) => (g.__switchboardJobsReady = state));
  return g.__switchboardJobs;
}

/** The driver once it has started, without waiting: null before (hot paths that must not await). */
export function readyJobsDriver(): State | null {
  return g.__switchboardJobsReady ?? null;
}
