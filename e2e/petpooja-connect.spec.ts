/**
 * Issue 4 on screen: a seller connects PetPooja (API keys) through the Integrations form, an
 * order is pushed to the PetPooja fake (SANDBOX_PORT + 1), signed PetPooja status callbacks
 * move it confirmed → ready → delivered on the order's timeline, the notification bell counts
 * and clears, and the admin webhook explorer filters, shows redacted payloads and reprocesses.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SANDBOX_PORT } from "../playwright.config";
import { FAKE_PETPOOJA_APP, FAKE_PETPOOJA_REST_ID } from "../server/integrations/petpooja/fake-seed";
import { PETPOOJA_SIGNATURE_HEADER, petpoojaSignature } from "../server/integrations/petpooja/signature";
import { ADMIN, chooseOutlet, DESKTOP, screenshots, SELLER, signedIn } from "./helpers";

const PETPOOJA_FAKE = `http://127.0.0.1:${SANDBOX_PORT + 1}`;
const SHOTS = "/tmp/shots/issue4";
const { shot, shots } = screenshots(SHOTS);
const OUTLET = "Spice Route — Bengaluru";

// Shared along the serial steps (one worker).
const world = { webhookUrl: "", secret: "", orderId: "", apiKey: "", restaurantId: "" };

/** A marketplace order through the public REST API; the marketplace sends PetPooja's own item id (10001 on the fake menu) as dish_id. */
async function sendOrder(request: APIRequestContext, externalId: string) {
  const res = await request.post("/api/v1/orders", {
    headers: { authorization: `Bearer ${world.apiKey}` },
    data: {
      restaurant_id: world.restaurantId,
      external_id: externalId,
      currency: "INR",
      customer: { name: "Asha Rao", phone: "+919800000000" },
      type: "pickup",
      items: [{ dish_id: "10001", name: "Paneer Butter Masala", quantity: 2, unit_price: 29000 }],
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { data: { order: { id: string } } }).data.order.id;
}




/** A PetPooja status callback [ref §2.4], signed as seed 002 describes, to the restaurant's webhook URL. */
function callback(request: APIRequestContext, body: Record<string, unknown>, secret = world.secret) {
  const raw = JSON.stringify({ restID: FAKE_PETPOOJA_REST_ID, cancel_reason: "", minimum_prep_time: 20, rider_name: "", is_modified: "No", ...body });
  return request.post(world.webhookUrl, {
    headers: { "content-type": "application/json", [PETPOOJA_SIGNATURE_HEADER]: petpoojaSignature(secret, raw) },
    data: raw,
  });
}

const connectDialog = (page: Page) => page.getByRole("dialog", { name: "Connect PetPooja" });

test.describe.serial("PetPooja: connect on screen, order, signed status callbacks", () => {
  test.use({ viewport: DESKTOP });

  test("seller connects PetPooja with the form: validation errors, test, success", async ({ page }) => {
    await signedIn(page, SELLER);
    // PetPooja takes INR only: an Indian outlet of the demo organization.
    await page.goto("/settings");
    await page.getByLabel("Restaurant name").fill(OUTLET);
    await page.getByLabel("Currency").fill("INR");
    await page.getByRole("button", { name: "Add restaurant" }).click();
    await expect(page.getByText("Restaurant added.")).toBeVisible();
    await chooseOutlet(page, OUTLET);

    await page.goto("/integrations");
    await page.getByRole("button", { name: "Connect PetPooja" }).click();
    const dialog = connectDialog(page);
    await expect(dialog).toBeVisible();
    await shots(page, "connect-form-empty");

    // Nothing filled in, and a pasted key with a space: field-level errors, nothing stored.
    await dialog.getByLabel("App key (optional)").fill("fake app key");
    await dialog.getByRole("button", { name: "Connect PetPooja" }).click();
    await expect(dialog.getByText("Enter the outlet ID")).toBeVisible();
    await expect(dialog.getByText("App key must not contain spaces")).toBeVisible();
    await expect(dialog.getByLabel("Outlet ID (restID)")).toHaveAttribute("aria-invalid", "true");
    await shots(page, "connect-form-validation");

    await dialog.getByLabel("App key (optional)").fill(FAKE_PETPOOJA_APP.app_key);
    await dialog.getByLabel("App secret (optional)").fill(FAKE_PETPOOJA_APP.app_secret);
    await dialog.getByLabel("Access token (optional)").fill(FAKE_PETPOOJA_APP.access_token);
    await dialog.getByLabel("Outlet ID (restID)").fill(FAKE_PETPOOJA_REST_ID);
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByText(/PetPooja accepted these details/)).toBeVisible();
    await dialog.getByRole("button", { name: "Connect PetPooja" }).click();

    await expect(page).toHaveURL(/\/integrations\?connected=petpooja/);
    await expect(page.getByRole("status").filter({ hasText: "PetPooja is connected" })).toBeVisible();
    await expect(page.getByLabel("Location that receives orders")).toHaveValue(FAKE_PETPOOJA_REST_ID);
    // The one-time webhook secret and the per-restaurant URL.
    world.webhookUrl = await page.getByLabel("Webhook URL").inputValue();
    expect(world.webhookUrl).toMatch(/\/api\/webhooks\/petpooja\/order-status\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Show secret once" }).click();
    const secretBox = page.getByRole("status").filter({ hasText: "It will not be shown again" }).locator("code");
    world.secret = (await secretBox.textContent())!.trim();
    expect(world.secret.length).toBeGreaterThan(16);
    // No credential ever comes back to the browser.
    const html = await page.content();
    for (const s of Object.values(FAKE_PETPOOJA_APP)) expect(html).not.toContain(s);
    await shots(page, "connect-success");
  });

  test("a marketplace order (REST, API key) reaches the PetPooja fake", async ({ page, request }) => {
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    // The marketplace backend's API key, created by the seller and shown once.
    await page.goto("/settings");
    await page.getByLabel("Key name").fill("Marketplace backend (e2e)");
    await page.getByRole("button", { name: "Create API key" }).click();
    world.apiKey = await page.getByLabel("New API key").inputValue();
    const restaurants = await (await page.request.get("/api/trpc/restaurants.list")).json();
    world.restaurantId = (restaurants.result.data.json as { id: string; name: string }[]).find((r) => r.name === OUTLET)!.id;

    const externalId = `MKT-IN-${Date.now()}`;
    world.orderId = await sendOrder(request, externalId);
    // PetPooja needs every line mapped to its menu: the order fails, the seller pulls the menu and maps the dish (Menu → Mapping).
    await page.goto(`/orders/${world.orderId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(externalId);
    await page.goto("/menu");
    await page.getByRole("button", { name: "Sync now" }).first().click();
    await expect(page.getByText("Paneer Butter Masala").first()).toBeVisible({ timeout: 30_000 });
    await page.goto("/menu/mapping");
    // The sync already matched the dish by name and price: it is under "All", not "Needs review".
    await page.getByRole("button", { name: /^All \(/ }).click();
    const dish = page.getByRole("row").filter({ hasText: "Paneer Butter Masala" }).first();
    const confirm = dish.getByRole("button", { name: "Confirm Paneer Butter Masala" });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    else {
      await dish.getByRole("button", { name: /^(Map|Change)$/ }).click();
      await page.getByRole("listbox", { name: "POS items" }).getByRole("option").filter({ hasText: "Paneer Butter Masala" }).first().getByRole("button").click();
    }
    await page.goto(`/orders/${world.orderId}`);
    await page.getByRole("button", { name: "Retry now" }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 }).getByText("In POS")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const state = (await (await request.get(`${PETPOOJA_FAKE}/__fake/state`)).json()) as { order_list: { clientOrderID: string; restID: string }[] };
    expect(state.order_list).toContainEqual(expect.objectContaining({ clientOrderID: world.orderId, restID: FAKE_PETPOOJA_REST_ID }));
  });

  test("signed status callbacks move the order confirmed → ready → delivered on screen", async ({ page, request }) => {
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    await page.goto(`/orders/${world.orderId}`);
    const timeline = page.getByRole("list", { name: "Status changes" });
    for (const [code, label] of [
      ["2", "confirmed"],
      ["5", "ready"],
      ["10", "delivered"],
    ] as const) {
      expect((await callback(request, { orderID: world.orderId, status: code })).status()).toBe(200);
      await expect(async () => {
        await page.reload();
        await expect(timeline.getByRole("listitem").filter({ hasText: "Petpooja (webhook)" }).filter({ hasText: label }).first()).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
    }
    await expect(timeline.getByRole("listitem").filter({ hasText: "Petpooja (webhook)" })).toHaveCount(3);
    // A forged callback is refused and changes nothing.
    expect((await callback(request, { orderID: world.orderId, status: "-1" }, "not-the-secret")).status()).toBe(401);
    await shot(page, "order-timeline-desktop");
  });

  test("the notification bell counts unread notices and clears them", async ({ page, request }) => {
    // PetPooja refuses the next order: a permanent sync failure, which the seller is told about.
    await request.post(`${PETPOOJA_FAKE}/__fake/faults`, { data: { target: "POST /save_order", fault: { status: 400 } } });
    const failed = await sendOrder(request, `MKT-IN-FAIL-${Date.now()}`);
    await signedIn(page, SELLER);
    await chooseOutlet(page, OUTLET);
    await expect(async () => {
      await page.goto(`/orders/${failed}`);
      await expect(page.getByRole("heading", { level: 1 }).getByText("Failed")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const bell = page.getByRole("button", { name: /Notifications \(\d+ unread\)/ }).first();
    await expect(async () => {
      await page.reload();
      await expect(bell).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await bell.click();
    const popover = page.getByRole("dialog").filter({ hasText: "Notifications" });
    await expect(popover.getByRole("listitem").first()).toBeVisible();
    await shot(page, "bell-open-desktop");
    await popover.getByRole("button", { name: "Mark all read" }).click();
    await expect(popover.getByLabel("Unread")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Notifications", exact: true }).first()).toBeVisible();
  });

  test("admin webhook explorer: filter, redacted payload viewer, reprocess", async ({ page, request }) => {
    // A signed callback for an order Switchboard does not know, carrying a secret-looking field.
    expect((await callback(request, { orderID: "no-such-order", status: "2", access_token: "leaky-token-e2e" })).status()).toBe(200);
    await signedIn(page, ADMIN);
    await page.goto("/admin/webhooks");
    await page.getByLabel("Provider").selectOption("petpooja");
    await page.getByLabel("Status").selectOption("processed");
    const rows = page.getByRole("row").filter({ hasText: "petpooja" });
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    await page.getByLabel("Status").selectOption("unmatched");
    await expect(rows).toHaveCount(1);
    await rows.first().click();
    const panel = page.getByLabel("Webhook event");
    await expect(panel.getByText("Headers (secrets redacted)")).toBeVisible();
    await expect(panel.getByText(/"x-petpooja-signature": "\[redacted\]"/)).toBeVisible();
    await expect(panel.getByText(/"access_token": "\[redacted\]"/)).toBeVisible();
    await expect(panel).not.toContainText("leaky-token-e2e");
    await expect(panel).toContainText("no-such-order");
    await shot(page, "webhook-explorer-desktop");
    await panel.getByRole("button", { name: "Reprocess" }).click();
    await expect(panel.getByText("Queued for processing.")).toBeVisible();
  });
});
