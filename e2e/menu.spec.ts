/**
 * Issue 5 on screen: a seller connects the Square sandbox on a restaurant of its own, the
 * initial menu sync pulls the fake's catalog (two pages), "Sync now" shows progress and the
 * result, the seller 86s an item for an hour and the marketplace menu API (API key) shows it
 * unavailable, and the sync history lists both runs with their counts. Screenshots (desktop and
 * 390px) go to /tmp/shots/menu. The Square connection is disconnected at the end so the other
 * specs see the sandbox merchant linked to one restaurant only.
 */
import { expect, test, type Page } from "@playwright/test";
import { chooseOutlet, DESKTOP, MOBILE, screenshots, SELLER, signedIn } from "./helpers";

const SHOTS = "/tmp/shots/menu";
const { shot, shots } = screenshots(SHOTS);
const OUTLET = "Spice Route — Menu Lab";
/** Item 1 of the Square fake's catalog (server/integrations/square/fake-seed.ts): one variation, the Extras list. */
const ITEM = "Spicy Burger";

const world = { apiKey: "", restaurantId: "" };




const itemRow = (page: Page, name: string) => page.getByTestId("menu-item").filter({ has: page.getByText(name, { exact: true }) });

test.describe.serial("Menus: sync from Square, 86, marketplace menu API, history", () => {
  test.use({ viewport: DESKTOP });

  test("seller connects Square on a new restaurant; the first sync pulls the menu", async ({ page }) => {
    await signedIn(page, SELLER);
    await page.goto("/settings");
    await page.getByLabel("Restaurant name").fill(OUTLET);
    await page.getByLabel("Currency").fill("USD");
    await page.getByRole("button", { name: "Add restaurant" }).click();
    await expect(page.getByText("Restaurant added.")).toBeVisible();
    await chooseOutlet(page, OUTLET);

    // Before any POS: an honest empty state that points at Integrations.
    await page.goto("/menu");
    await expect(page.getByText("No POS connected")).toBeVisible();

    await page.goto("/integrations");
    await page.getByRole("link", { name: "Connect Square" }).click();
    await page.getByRole("button", { name: "Allow" }).click(); // the fake's consent page
    await expect(page).toHaveURL(/\/integrations\?connected=square/);
    await page.getByLabel("Location that receives orders").selectOption({ label: "Main Street Kitchen (USD)" });

    // The initial sync runs on connect (inline jobs driver): the menu is there without a click.
    await page.goto("/menu");
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("heading", { level: 2, name: /^Mains/ })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText("150 items from Square")).toBeVisible();
  });

  test("Sync now shows progress and the result; categories, variations and modifiers are listed", async ({ page }) => {
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    await page.goto("/menu");
    await page.getByRole("button", { name: "Sync now" }).click();
    const status = page.getByRole("status").filter({ hasText: /Sync|Syncing/ });
    await expect(status).toBeVisible();
    // Nothing changed at the POS since the initial sync: all rows unchanged.
    await expect(status).toContainText(/Sync success: 0 created, 0 updated, 0 removed, \d+ unchanged\./, { timeout: 30_000 });

    for (const category of ["Mains", "Sides", "Bowls", "Street Food", "Specials", "Vegetarian"]) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${category}`) })).toBeVisible();
    }
    // Item 0 has Regular + Large and the Extras modifier list.
    const burger = itemRow(page, "Classic Burger");
    await expect(burger.getByText(/^Large · /)).toBeVisible();
    await burger.getByText("Extras (3)").click();
    await expect(burger.getByText("Extra cheese")).toBeVisible();

    await page.getByRole("searchbox", { name: "Search the menu" }).fill("Biryani");
    await expect(page.getByTestId("menu-item").first()).toContainText("Biryani");
    await page.getByRole("searchbox", { name: "Search the menu" }).fill("no such dish");
    await expect(page.getByText("No items match")).toBeVisible();
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect(itemRow(page, ITEM)).toBeVisible();
  });

  test("86 an item for an hour: sold out on screen and in the marketplace menu API", async ({ page, request }) => {
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    // The marketplace backend's API key, created by the seller and shown once.
    await page.goto("/settings");
    await page.getByLabel("Key name").fill("Marketplace menu (e2e)");
    await page.getByRole("button", { name: "Create API key" }).click();
    world.apiKey = await page.getByLabel("New API key").inputValue();
    const restaurants = await (await page.request.get("/api/trpc/restaurants.list")).json();
    world.restaurantId = (restaurants.result.data.json as { id: string; name: string }[]).find((r) => r.name === OUTLET)!.id;

    const readItem = async () => {
      const res = await request.get(`/api/v1/restaurants/${world.restaurantId}/menu`, { headers: { authorization: `Bearer ${world.apiKey}` } });
      expect(res.status()).toBe(200);
      const body = (await res.json()) as { success: boolean; data: { categories: { items: { name: string; available: boolean; snoozed_until: string | null }[] }[] } };
      expect(body.success).toBe(true);
      return body.data.categories.flatMap((c) => c.items).find((i) => i.name === ITEM)!;
    };
    expect(await readItem()).toMatchObject({ available: true, snoozed_until: null });

    await page.goto("/menu");
    const row = itemRow(page, ITEM);
    await row.getByRole("button", { name: `Mark sold out: ${ITEM}`, exact: true }).click();
    const choices = page.getByRole("menu");
    await expect(choices.getByRole("menuitem", { name: "For 1 hour" })).toBeVisible();
    await expect(choices.getByRole("menuitem", { name: "Rest of today" })).toBeVisible();
    await expect(choices.getByRole("menuitem", { name: "Indefinitely" })).toBeVisible();
    await choices.getByRole("menuitem", { name: "For 1 hour" }).click();
    await expect(row.getByText(/^Sold out until /)).toBeVisible();
    await expect(row.getByRole("button", { name: `Back on: ${ITEM}` })).toBeVisible();

    const off = await readItem();
    expect(off.available).toBe(false);
    const until = Date.parse(off.snoozed_until!);
    expect(until - Date.now()).toBeGreaterThan(55 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    // Without a key the menu API is closed.
    expect((await request.get(`/api/v1/restaurants/${world.restaurantId}/menu`)).status()).toBe(401);
  });

  test("sync history lists the initial and the manual run with their counts", async ({ page }) => {
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    await page.goto("/menu/history");
    const runs = page.getByTestId("sync-run");
    await expect(runs).toHaveCount(2);
    await expect(runs.nth(0)).toContainText("manual");
    await expect(runs.nth(0)).toContainText(/success/i);
    await expect(runs.nth(0)).toContainText(/0 created · 0 updated · 0 removed · \d+ unchanged/);
    await expect(runs.nth(1)).toContainText("initial");
    await expect(runs.nth(1)).toContainText(/[1-9]\d* created · 0 updated · 0 removed · 0 unchanged/);
  });

  test("screenshots: menu, search without results, 86 choices, history, empty state", async ({ page }) => {
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    await page.goto("/menu");
    await expect(itemRow(page, ITEM)).toBeVisible();
    await shots(page, "menu");
    await shot(page, "menu-full-desktop", true);
    await page.getByRole("searchbox", { name: "Search the menu" }).fill("no such dish");
    await expect(page.getByText("No items match")).toBeVisible();
    await shots(page, "menu-search-empty");
    await page.getByRole("button", { name: "Clear search" }).click();
    await itemRow(page, "Classic Burger").getByRole("button", { name: "Mark sold out: Classic Burger", exact: true }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await shot(page, "menu-86-open-desktop");
    await page.setViewportSize(MOBILE);
    await page.waitForTimeout(300);
    await shot(page, "menu-86-open-mobile");
    await page.setViewportSize(DESKTOP);
    await page.keyboard.press("Escape");

    await page.goto("/menu/history");
    await expect(page.getByTestId("sync-run").first()).toBeVisible();
    await shots(page, "history");

    // A restaurant without a POS.
    await chooseOutlet(page, "Spice Route — Mission");
    await page.goto("/menu");
    await expect(page.getByText("No POS connected")).toBeVisible();
    await shots(page, "empty-no-connection");
    await page.goto("/menu/history");
    await expect(page.getByText("No menu syncs yet")).toBeVisible();
    await shots(page, "history-empty");
  });

  test("clean up: disconnect Square from the menu restaurant (the sandbox merchant stays with one restaurant)", async ({ page }) => {
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    await page.goto("/integrations");
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByRole("link", { name: "Connect Square" })).toBeVisible();
  });
});
