import type { Db } from "~/db/client";
import { AppError } from "~/server/errors";
import { getProvider } from "~/server/integrations/registry";
import type { HealthResult } from "~/server/integrations/types";
import { adapterContext } from "./adapter-context";
import { liveConnection } from "./manage";

const TIMEOUT_MS = 10_000;

async function connected(db: Db, restaurantId: string) {
  const conn = await liveConnection(db, restaurantId);
  if (!conn) throw new AppError("NOT_FOUND", "No POS is connected to this restaurant");
  return { conn, provider: getProvider(conn.provider) };
}

/** The POS locations the seller can route orders to. Callers check tenancy first. */
export async function listPosLocations(db: Db, restaurantId: string) {
  const { conn, provider } = await connected(db, restaurantId);
  if (!provider.adapter.listLocations) return [];
  return provider.adapter.listLocations(await adapterContext(db, conn, TIMEOUT_MS));
}

/** "Test connection": a cheap authenticated call, reported in plain words, never thrown. */
export async function testPosConnection(db: Db, restaurantId: string): Promise<HealthResult> {
  const { conn, provider } = await connected(db, restaurantId);
  const started = performance.now();
  try {
    const ctx = await adapterContext(db, conn, TIMEOUT_MS);
    if (provider.adapter.healthCheck) return await provider.adapter.healthCheck(ctx);
    await provider.adapter.listLocations?.(ctx);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail: (e as Error).message };
  }
}
