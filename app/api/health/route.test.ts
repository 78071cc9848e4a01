import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDbHandle, migrateConfiguredDb } from "~/db";
import { GET } from "./route";

beforeAll(async () => {
  await migrateConfiguredDb();
});
afterAll(async () => (await getDbHandle()).close());

describe("GET /api/health", () => {
  it("reports status, database, jobs driver and version", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: "ok",
      db: { ok: true, driver: "pglite" },
      jobs_driver: "inline",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(body.db.latency_ms).toBeGreaterThanOrEqual(0);
  });
});
