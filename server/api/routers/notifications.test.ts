import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "~/db/schema";
import { notifySeller } from "~/server/notifications/notify";
import { callerFor, makeAdmin, makeTenant } from "~/server/testing/factories";
import { createTestDb, type TestDb } from "~/server/testing/db";

let t: TestDb;
let mine: Awaited<ReturnType<typeof makeTenant>>;
let theirs: Awaited<ReturnType<typeof makeTenant>>;

// A few ms apart, so "newest first" has one right answer (ties fall back to id order).
const notice = async (organizationId: string, title: string, severity: "info" | "warning" | "error" = "info") => {
  await new Promise((r) => setTimeout(r, 3));
  await notifySeller(t.db, { organizationId, type: "test", severity, title, body: `${title} body` });
};

beforeAll(async () => {
  t = await createTestDb();
  mine = await makeTenant(t.db);
  theirs = await makeTenant(t.db);
  for (let i = 1; i <= 5; i++) await notice(mine.org.id, `Mine ${i}`, i === 5 ? "error" : "info");
  await notice(theirs.org.id, "Theirs 1", "warning");
  // Outbound customer messages of my org are not seller notices.
  await t.db.insert(notifications).values({ organizationId: mine.org.id, channel: "sms", type: "order.ready", title: "SMS", body: "b", recipient: "+14155550111" });
  // A notice addressed to another user of another org.
  await t.db.insert(notifications).values({ organizationId: theirs.org.id, userId: theirs.user.id, channel: "in_app", type: "x", title: "Theirs personal", body: "b", status: "sent" });
});
afterAll(() => t.dispose());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`),
  );

describe("notifications router", () => {
  it("lists the caller's org in-app notices newest first, paginated", async () => {
    const api = callerFor(t.db, mine.user);
    const first = await api.notifications.list({ limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["Mine 5", "Mine 4", "Mine 3"]);
    expect(first.items[0]).toMatchObject({ severity: "error", body: "Mine 5 body", readAt: null });
    expect(first.nextCursor).not.toBeNull();
    const second = await api.notifications.list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((n) => n.title)).toEqual(["Mine 2", "Mine 1"]);
    expect(second.nextCursor).toBeNull();
  });

  it("pages through rows created in the same instant without skipping or repeating any", async () => {
    const org = await makeTenant(t.db);
    const at = new Date("2026-01-01T10:00:00.123Z");
    await t.db.insert(notifications).values(
      Array.from({ length: 5 }, (_, i) => ({ organizationId: org.org.id, channel: "in_app" as const, type: "x", title: `Same ${i}`, body: "b", status: "sent" as const, createdAt: at })),
    );
    const api = callerFor(t.db, org.user);
    const seen: string[] = [];
    let cursor: { createdAt: Date; id: string } | null = null;
    do {
      const page: Awaited<ReturnType<typeof api.notifications.list>> = await api.notifications.list({ limit: 2, cursor });
      seen.push(...page.items.map((n) => n.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(["Same 0", "Same 1", "Same 2", "Same 3", "Same 4"]);
  });

  it("counts unread, marks one read, then all", async () => {
    const api = callerFor(t.db, mine.user);
    expect(await api.notifications.unreadCount()).toEqual({ count: 5 });
    const { items } = await api.notifications.list({ limit: 1 });
    expect(await api.notifications.markRead({ ids: [items[0]!.id] })).toEqual({ updated: 1 });
    expect(await api.notifications.unreadCount()).toEqual({ count: 4 });
    expect(await api.notifications.markAllRead()).toEqual({ updated: 4 });
    expect(await api.notifications.unreadCount()).toEqual({ count: 0 });
  });

  it("another organization can neither read nor mark my notices", async () => {
    const outsider = callerFor(t.db, theirs.user);
    const seen = await outsider.notifications.list({ limit: 50 });
    expect(seen.items.map((n) => n.title).sort()).toEqual(["Theirs 1", "Theirs personal"]);
    expect(await outsider.notifications.unreadCount()).toEqual({ count: 2 });

    // Fresh notice in my org; the outsider tries to mark it by id, then marks "all".
    await notice(mine.org.id, "Mine 6");
    const [fresh] = (await callerFor(t.db, mine.user).notifications.list({ limit: 1 })).items;
    expect(await outsider.notifications.markRead({ ids: [fresh!.id] })).toEqual({ updated: 0 });
    await outsider.notifications.markAllRead();
    expect(await callerFor(t.db, mine.user).notifications.unreadCount()).toEqual({ count: 1 });
    const stored = (await t.db.select().from(notifications)).find((n) => n.id === fresh!.id);
    expect(stored?.readAt).toBeNull();
  });

  it("a user-addressed notice is only the addressee's", async () => {
    const colleague = await makeTenant(t.db); // a different user, own org: never sees it
    const list = await callerFor(t.db, colleague.user).notifications.list({ limit: 50 });
    expect(list.items.find((n) => n.title === "Theirs personal")).toBeUndefined();
  });

  it("signed-out callers are UNAUTHORIZED", async () => {
    expect(await codeOf(callerFor(t.db, null).notifications.unreadCount())).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(t.db, null).notifications.markAllRead())).toBe("UNAUTHORIZED");
  });
});

describe("personal notices without an organization (platform admins)", () => {
  it("an admin with no organization sees the notices addressed to them, and only those", async () => {
    const admin = await makeAdmin(t.db);
    await t.db.insert(notifications).values({ userId: admin.id, channel: "in_app", type: "connection.health_changed", title: "POS offline", body: "b", status: "sent" });
    const api = callerFor(t.db, admin);
    expect((await api.notifications.list({ limit: 10 })).items.map((n) => n.title)).toEqual(["POS offline"]);
    expect(await api.notifications.unreadCount()).toEqual({ count: 1 });
    // Sellers never see another user's personal notice.
    const seller = callerFor(t.db, mine.user);
    expect((await seller.notifications.list({ limit: 50 })).items.map((n) => n.title)).not.toContain("POS offline");
    expect(await api.notifications.markAllRead()).toEqual({ updated: 1 });
    expect(await api.notifications.unreadCount()).toEqual({ count: 0 });
  });
});
