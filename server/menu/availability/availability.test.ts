/**
 * 86 end to end on the domain side: seller changes pushed through the REAL adapters to the
 * PetPooja and Square fakes, push failures recorded and retried, stock webhooks applied, and the
 * snooze-expiry Inngest function.
 */
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { availabilityChanges, connections, itemVariations, menuItems, modifiers, webhookEvents } from "~/db/schema";
import { petpoojaWorld } from "~/server/integrations/petpooja/world";
import { fakeStockChanges } from "~/server/integrations/petpooja/fake-stock";
import { fakeInventoryCounts } from "~/server/integrations/square/fake-inventory";
import { fakeVariationId, fakeItemId, FAKE_SQUARE_LOCATION_IDS } from "~/server/integrations/square/fake";
import { squareWorld } from "~/server/testing/square-world";
import { makeMenu, type MenuSpec } from "~/server/testing/menu-factory";
import { processWebhookEvent } from "~/server/webhooks/process";
import { pushAvailabilityChange } from "./push";
import { redriveFailedPushes } from "./jobs";
import { setAvailability } from "./set-availability";

const h = vi.hoisted(() => ({ db: null as unknown as Db, dispatched: [] as { name: string; data: { changeId?: string } }[] }));
vi.mock("~/db", () => ({ getDb: async () => h.db }));
vi.mock("~/server/jobs/dispatch", async () => (await import("~/server/testing/dispatch-double")).dispatchDouble(h.dispatched));

const pushes = () => h.dispatched.filter((e) => e.name === "switchboard/menu.availability-push-requested");
let dispose: (() => Promise<void>) | null = null;
afterEach(async () => {
  h.dispatched.length = 0;
  await dispose?.();
  dispose = null;
});

const lastChange = async (db: Db, changeId: string) => (await db.select().from(availabilityChanges).where(eq(availabilityChanges.id, changeId)))[0]!;

const PETPOOJA_MENU: MenuSpec = {
  currency: "INR",
  categories: [{ externalId: "P-CAT-1", name: "Mains", items: [{ externalId: "P-ITEM-1", name: "Paneer Butter Masala", price: 29000, modifierGroups: ["P-GRP-1"] }] }],
  modifierGroups: [{ externalId: "P-GRP-1", name: "Add Beverage", modifiers: [{ externalId: "P-ADDON-1", name: "Mojito", price: 6000 }] }],
};

async function petpooja() {
  const w = await petpoojaWorld();
  h.db = w.t.db;
  dispose = w.dispose;
  const owner = { organizationId: w.tenant.org.id, restaurantId: w.tenant.restaurant.id, connectionId: w.connection.id };
  const ids = await makeMenu(w.t.db, owner, PETPOOJA_MENU);
  return { w, ids, owner };
}

describe("seller 86 → PetPooja", () => {
  it("records the change, returns at once, and the push job turns the item off at PetPooja", async () => {
    const { w, ids, owner } = await petpooja();
    const itemId = ids.items["P-ITEM-1"]!;
    const res = await setAvailability(w.t.db, { ...owner, targetType: "item", targetId: itemId, choice: { kind: "indefinitely" }, actorUserId: w.tenant.user.id });
    expect(res).toMatchObject({ available: false, snoozedUntil: null });
    // Nothing reached PetPooja yet: the push is a job.
    expect(fakeStockChanges(w.fake.state)).toHaveLength(0);
    expect(pushes()).toEqual([{ name: "switchboard/menu.availability-push-requested", data: { changeId: res.changeId, connectionId: w.connection.id, provider: "petpooja" } }]);
    const [row] = await w.t.db.select().from(menuItems).where(eq(menuItems.id, itemId));
    expect(row).toMatchObject({ available: false, snoozedUntil: null });

    expect(await pushAvailabilityChange(w.t.db, res.changeId)).toEqual({ status: "pushed" });
    expect(fakeStockChanges(w.fake.state)).toEqual([expect.objectContaining({ id: "P-ITEM-1", type: "item", inStock: false, autoTurnOnTime: "" })]);
    const change = await lastChange(w.t.db, res.changeId);
    expect(change).toMatchObject({ source: "seller", available: false, pushError: null, actorUserId: w.tenant.user.id });
    expect(change.pushedAt).toBeInstanceOf(Date);
    expect(change.appliedAt).toBeInstanceOf(Date);
  });

  it("an add-on goes as type addon with its turn-on time; back on is inStock true", async () => {
    const { w, ids, owner } = await petpooja();
    const modId = ids.modifiers["P-ADDON-1"]!;
    const off = await setAvailability(w.t.db, { ...owner, targetType: "modifier", targetId: modId, choice: { kind: "for", minutes: 60 } });
    await pushAvailabilityChange(w.t.db, off.changeId);
    const on = await setAvailability(w.t.db, { ...owner, targetType: "modifier", targetId: modId, choice: { kind: "available" } });
    await pushAvailabilityChange(w.t.db, on.changeId);
    const sent = fakeStockChanges(w.fake.state);
    expect(sent.map((s) => [s.id, s.type, s.inStock, s.autoTurnOnTime])).toEqual([
      ["P-ADDON-1", "addon", false, "custom"],
      ["P-ADDON-1", "addon", true, ""],
    ]);
    expect(sent[0]!.customTurnOnTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("a failed push is recorded, retried by the sweeper, and a superseded change is never pushed", async () => {
    const { w, ids, owner } = await petpooja();
    const itemId = ids.items["P-ITEM-1"]!;
    w.fake.faults.next("POST /update_item_stock", { status: 503 });
    const res = await setAvailability(w.t.db, { ...owner, targetType: "item", targetId: itemId, choice: { kind: "indefinitely" } });
    const first = await pushAvailabilityChange(w.t.db, res.changeId);
    expect(first).toMatchObject({ status: "retry" });
    const failed = await lastChange(w.t.db, res.changeId);
    expect(failed.pushedAt).toBeNull();
    expect(failed.pushError).toMatch(/503/);

    h.dispatched.length = 0;
    expect(await redriveFailedPushes(w.t.db)).toEqual({ redriven: 1 });
    expect(pushes().map((e) => e.data.changeId)).toEqual([res.changeId]);
    expect(await pushAvailabilityChange(w.t.db, res.changeId)).toEqual({ status: "pushed" });
    expect((await lastChange(w.t.db, res.changeId)).pushError).toBeNull();
    expect(fakeStockChanges(w.fake.state)).toHaveLength(1);

    // Two quick clicks: the older change is superseded and not pushed after the newer one.
    const a = await setAvailability(w.t.db, { ...owner, targetType: "item", targetId: itemId, choice: { kind: "available" } });
    const b = await setAvailability(w.t.db, { ...owner, targetType: "item", targetId: itemId, choice: { kind: "indefinitely" } });
    expect(await pushAvailabilityChange(w.t.db, b.changeId)).toEqual({ status: "pushed" });
    expect(await pushAvailabilityChange(w.t.db, a.changeId)).toEqual({ status: "superseded" });
    expect(fakeStockChanges(w.fake.state).map((s) => s.inStock)).toEqual([false, false]);
  });

  it("a rejected push is final: recorded, not retried", async () => {
    const { w, ids, owner } = await petpooja();
    w.fake.faults.next("POST /update_item_stock", { status: 400 });
    const res = await setAvailability(w.t.db, { ...owner, targetType: "item", targetId: ids.items["P-ITEM-1"]!, choice: { kind: "indefinitely" } });
    expect(await pushAvailabilityChange(w.t.db, res.changeId)).toMatchObject({ status: "failed" });
    expect((await lastChange(w.t.db, res.changeId)).pushError).toMatch(/^\[final\]/);
    expect(await redriveFailedPushes(w.t.db)).toEqual({ redriven: 0 });
  });
});

describe("stock_changed webhooks", () => {
  it("a PetPooja inventory callback flips the item and records received/applied times", async () => {
    const { w, ids } = await petpooja();
    const receivedAt = new Date(Date.now() - 1_000);
    const rawBody = JSON.stringify({ restaurant_id: "rest", item_id: "P-ITEM-1", availability: false });
    const [ev] = await w.t.db
      .insert(webhookEvents)
      .values({ provider: "petpooja", connectionId: w.connection.id, signatureValid: true, rawBody, receivedAt, nextAttemptAt: receivedAt })
      .returning();
    expect(await processWebhookEvent(w.t.db, ev!.id)).toMatchObject({ status: "processed" });
    const [item] = await w.t.db.select().from(menuItems).where(eq(menuItems.id, ids.items["P-ITEM-1"]!));
    expect(item!.available).toBe(false);
    const [change] = await w.t.db.select().from(availabilityChanges).where(eq(availabilityChanges.targetId, item!.id));
    expect(change).toMatchObject({ source: "webhook", available: false, targetType: "item", pushedAt: null });
    expect(change!.receivedAt.getTime()).toBe(receivedAt.getTime());
    expect(change!.appliedAt!.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
    // The POS told us: nothing is pushed back.
    expect(pushes()).toEqual([]);

    // An add-on on/off (ref §2.6) by its id; an unknown id is unmatched.
    const onOff = JSON.stringify({ restID: "rest", inStock: false, type: "addon", itemID: { "0": "P-ADDON-1" } });
    const [ev2] = await w.t.db.insert(webhookEvents).values({ provider: "petpooja", connectionId: w.connection.id, signatureValid: true, rawBody: onOff, nextAttemptAt: new Date() }).returning();
    expect(await processWebhookEvent(w.t.db, ev2!.id)).toMatchObject({ status: "processed" });
    expect((await w.t.db.select().from(modifiers).where(eq(modifiers.id, ids.modifiers["P-ADDON-1"]!)))[0]!.available).toBe(false);
    const unknown = JSON.stringify({ restaurant_id: "rest", item_id: "nope", availability: false });
    const [ev3] = await w.t.db.insert(webhookEvents).values({ provider: "petpooja", connectionId: w.connection.id, signatureValid: true, rawBody: unknown, nextAttemptAt: new Date() }).returning();
    expect(await processWebhookEvent(w.t.db, ev3!.id)).toMatchObject({ status: "unmatched" });
  });
});

describe("seller 86 → Square", () => {
  async function square() {
    const w = await squareWorld();
    h.db = w.t.db;
    dispose = w.dispose;
    const owner = { organizationId: w.tenant.org.id, restaurantId: w.tenant.restaurant.id, connectionId: w.connection.id };
    const ids = await makeMenu(w.t.db, owner, {
      categories: [{ externalId: "CAT1", name: "Mains", items: [{ externalId: fakeItemId(5), name: "Item 1", price: 1000, variations: [{ externalId: fakeVariationId(5, "R"), name: "Regular", price: 1000 }, { externalId: fakeVariationId(5, "L"), name: "Large", price: 1400 }] }] }],
      modifierGroups: [{ externalId: "FAKEMODLIST0001", name: "Extras", modifiers: [{ externalId: "FAKEMOD0001", name: "Cheese", price: 100 }] }],
    });
    return { w, ids, owner };
  }

  it("an item 86 is a zero physical count for each variation at the location; back on restocks", async () => {
    const { w, ids, owner } = await square();
    const off = await setAvailability(w.t.db, { ...owner, targetType: "item", targetId: ids.items[fakeItemId(5)]!, choice: { kind: "end_of_day" } });
    expect(await pushAvailabilityChange(w.t.db, off.changeId)).toEqual({ status: "pushed" });
    const counts = fakeInventoryCounts(w.fake.state);
    const loc = FAKE_SQUARE_LOCATION_IDS[0];
    expect(counts.get(`${fakeVariationId(5, "R")}:${loc}`)?.quantity).toBe("0");
    expect(counts.get(`${fakeVariationId(5, "L")}:${loc}`)?.quantity).toBe("0");
    expect(w.fake.state.requests.filter((r) => r.path === "/v2/inventory/changes/batch-create").map((r) => r.status)).toEqual([200]);

    const on = await setAvailability(w.t.db, { ...owner, targetType: "variation", targetId: ids.variations[fakeVariationId(5, "L")]!, choice: { kind: "available" } });
    expect(await pushAvailabilityChange(w.t.db, on.changeId)).toEqual({ status: "pushed" });
    expect(counts.get(`${fakeVariationId(5, "L")}:${loc}`)?.quantity).toBe("1000");
    expect((await w.t.db.select().from(itemVariations).where(eq(itemVariations.id, ids.variations[fakeVariationId(5, "L")]!)))[0]!.available).toBe(true);
  });

  it("back on restocks to the restaurant's configured count", async () => {
    const { w, ids, owner } = await square();
    await w.t.db.update(connections).set({ config: { backOnQuantity: 25 } }).where(eq(connections.id, w.connection.id));
    const on = await setAvailability(w.t.db, { ...owner, targetType: "variation", targetId: ids.variations[fakeVariationId(5, "R")]!, choice: { kind: "available" } });
    expect(await pushAvailabilityChange(w.t.db, on.changeId)).toEqual({ status: "pushed" });
    expect(fakeInventoryCounts(w.fake.state).get(`${fakeVariationId(5, "R")}:${FAKE_SQUARE_LOCATION_IDS[0]}`)?.quantity).toBe("25");
  });

  it("a 5xx is retried; a modifier cannot be pushed to Square and says why", async () => {
    const { w, ids, owner } = await square();
    w.fake.faults.next("POST /v2/inventory/changes/batch-create", { status: 500 });
    const off = await setAvailability(w.t.db, { ...owner, targetType: "variation", targetId: ids.variations[fakeVariationId(5, "R")]!, choice: { kind: "indefinitely" } });
    expect(await pushAvailabilityChange(w.t.db, off.changeId)).toMatchObject({ status: "retry" });
    expect(await pushAvailabilityChange(w.t.db, off.changeId)).toEqual({ status: "pushed" });

    const mod = await setAvailability(w.t.db, { ...owner, targetType: "modifier", targetId: ids.modifiers["FAKEMOD0001"]!, choice: { kind: "indefinitely" } });
    expect(await pushAvailabilityChange(w.t.db, mod.changeId)).toMatchObject({ status: "failed" });
    expect((await lastChange(w.t.db, mod.changeId)).pushError).toMatch(/modifier sold out/);
  });
});

describe("snooze-expiry function", () => {
  it("flips expired snoozes back on, records snooze_expiry changes and sends their pushes", async () => {
    const { w, ids, owner } = await petpooja();
    const itemId = ids.items["P-ITEM-1"]!;
    const past = new Date(Date.now() - 60_000);
    await setAvailability(w.t.db, { ...owner, targetType: "item", targetId: itemId, choice: { kind: "for", minutes: 1 }, now: new Date(past.getTime() - 60_000) });
    const modId = ids.modifiers["P-ADDON-1"]!;
    await setAvailability(w.t.db, { ...owner, targetType: "modifier", targetId: modId, choice: { kind: "indefinitely" } });

    const { snoozeExpiry } = await import("~/inngest/functions/snooze-expiry");
    const engine = new InngestTestEngine({
      function: snoozeExpiry,
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
      steps: [{ id: "push-expired-snoozes", handler: () => ({ ids: [] }) }],
    });
    const { result, error, ctx } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ expired: 1 });
    const sends = ctx.step.sendEvent.mock.calls as unknown as [string, { name: string; data: { changeId: string } }[]][];
    expect(sends).toHaveLength(1);
    expect(sends[0]![1][0]!.name).toBe("switchboard/menu.availability-push-requested");

    const [item] = await w.t.db.select().from(menuItems).where(eq(menuItems.id, itemId));
    expect(item).toMatchObject({ available: true, snoozedUntil: null });
    const [expiry] = await w.t.db.select().from(availabilityChanges).where(eq(availabilityChanges.id, sends[0]![1][0]!.data.changeId));
    expect(expiry).toMatchObject({ source: "snooze_expiry", available: true, targetId: itemId });
    // The indefinitely 86'd add-on is untouched.
    expect((await w.t.db.select().from(modifiers).where(eq(modifiers.id, modId)))[0]!.available).toBe(false);

    // The push itself goes to PetPooja as "back on".
    await pushAvailabilityChange(w.t.db, expiry!.id);
    expect(fakeStockChanges(w.fake.state).at(-1)).toMatchObject({ id: "P-ITEM-1", inStock: true });
  });
});
