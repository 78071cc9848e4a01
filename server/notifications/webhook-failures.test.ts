import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connections, notifications, webhookEvents } from "~/db/schema";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { makeTenant } from "~/server/testing/factories";
import { notifySellerOfWebhookFailures, WEBHOOK_FAILURE_NOTICE_TYPE } from "./webhook-failures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

async function connection() {
  const tenant = await makeTenant(t.db);
  const [conn] = await t.db
    .insert(connections)
    .values({ organizationId: tenant.org.id, restaurantId: tenant.restaurant.id, provider: "square" })
    .returning();
  return { tenant, conn: conn! };
}

async function reject(connectionId: string, n: number, minutesAgo = 1, status: "rejected" | "processed" = "rejected") {
  await t.db.insert(webhookEvents).values(
    Array.from({ length: n }, () => ({
      provider: "square",
      connectionId,
      signatureValid: status !== "rejected",
      verificationError: status === "rejected" ? "signature mismatch" : null,
      rawBody: "{}",
      status,
      receivedAt: new Date(Date.now() - minutesAgo * 60_000),
    })),
  );
}

const notices = (orgId: string) =>
  t.db.select().from(notifications).where(and(eq(notifications.organizationId, orgId), eq(notifications.type, WEBHOOK_FAILURE_NOTICE_TYPE)));

describe("notifySellerOfWebhookFailures", () => {
  it("stays quiet at or below the threshold, counting only rejected calls from the last hour", async () => {
    const { tenant, conn } = await connection();
    await reject(conn.id, 5);
    await reject(conn.id, 10, 90); // older than the window
    await reject(conn.id, 10, 1, "processed"); // verified fine
    expect(await notifySellerOfWebhookFailures(t.db, conn.id)).toMatchObject({ notified: false, rejected: 5, reason: "below_threshold" });
    expect(await notices(tenant.org.id)).toHaveLength(0);
  });

  it("above the threshold writes one in-app warning, and only one per hour however often it is called", async () => {
    const { tenant, conn } = await connection();
    await reject(conn.id, 6);
    const results = await Promise.all(Array.from({ length: 5 }, () => notifySellerOfWebhookFailures(t.db, conn.id)));
    expect(results.filter((r) => r.notified)).toHaveLength(1);
    await reject(conn.id, 3);
    expect(await notifySellerOfWebhookFailures(t.db, conn.id)).toMatchObject({ notified: false, reason: "already_notified" });
    const rows = await notices(tenant.org.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: "in_app",
      status: "sent",
      severity: "warning",
      restaurantId: tenant.restaurant.id,
      title: "Square webhooks are failing verification",
    });
    expect(rows[0]!.body).toContain("6 Square webhook calls were rejected");
  });

  it("notifies again once the last notice is more than an hour old", async () => {
    const { tenant, conn } = await connection();
    await reject(conn.id, 7);
    expect((await notifySellerOfWebhookFailures(t.db, conn.id)).notified).toBe(true);
    await t.db
      .update(notifications)
      .set({ createdAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(notifications.organizationId, tenant.org.id));
    expect((await notifySellerOfWebhookFailures(t.db, conn.id)).notified).toBe(true);
    expect(await notices(tenant.org.id)).toHaveLength(2);
  });

  it("honours a custom threshold and ignores other connections' rejections", async () => {
    const a = await connection();
    const b = await connection();
    await reject(b.conn.id, 20);
    await reject(a.conn.id, 2);
    expect(await notifySellerOfWebhookFailures(t.db, a.conn.id)).toMatchObject({ notified: false, rejected: 2 });
    expect(await notifySellerOfWebhookFailures(t.db, a.conn.id, { threshold: 1 })).toMatchObject({ notified: true, rejected: 2 });
    expect(await notices(b.tenant.org.id)).toHaveLength(0);
  });

  it("an unknown connection is a no-op", async () => {
    expect(await notifySellerOfWebhookFailures(t.db, "00000000-0000-4000-8000-000000000000")).toMatchObject({ notified: false, reason: "unknown_connection" });
  });
});
