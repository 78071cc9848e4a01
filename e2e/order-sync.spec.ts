import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SANDBOX_PORT } from "../playwright.config";
import { SELLER, signedIn, snap } from "./helpers";

const FAKE = `http://127.0.0.1:${SANDBOX_PORT}`;

const breakSquare = (request: APIRequestContext, fault: Record<string, unknown>) =>
  request.post(`${FAKE}/__fake/faults`, { data: { target: "POST /v2/orders", fault } });

async function sendTestOrder(page: Page) {
  await page.goto("/orders");
  await page.getByRole("button", { name: "Send test order" }).click();
  const sent = await page.getByRole("status").filter({ hasText: /Sent TEST-/ }).textContent();
  return sent!.replace("Sent ", "").trim();
}

const row = (page: Page, externalId: string) => page.getByRole("row").filter({ hasText: externalId });

test.describe.serial("order sync to Square (local fake)", () => {
  test("seller connects Square by OAuth and picks a location", async ({ page }) => {
    await signedIn(page, SELLER);
    await page.goto("/integrations");
    await snap(page, "integrations-catalog");
    await page.getByRole("link", { name: "Connect Square" }).click();
    await expect(page.getByRole("button", { name: "Allow" })).toBeVisible(); // Square's consent page (fake)
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/integrations\?connected=square/);
    await expect(page.getByRole("status").filter({ hasText: "Square is connected" })).toBeVisible();
    await page.getByLabel("Location that receives orders").selectOption({ label: "Main Street Kitchen (USD)" });
    await expect(page.getByText("Orders wait until you choose a location.")).toHaveCount(0);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/Connected · \d+ ms/)).toBeVisible();
    await snap(page, "integrations-connected");
  });

  test("a test order reaches the POS", async ({ page, request }) => {
    await signedIn(page, SELLER);
    const id = await sendTestOrder(page);
    await expect(row(page, id).getByText("In POS")).toBeVisible();
    const state = await (await request.get(`${FAKE}/__fake/state`)).json();
    expect(state.orders).toBeGreaterThanOrEqual(1);
    await snap(page, "orders-synced");
  });

  test("POS failing → retry badge → POS back → in POS, with the attempts on the order", async ({ page, request }) => {
    await signedIn(page, SELLER);
    await breakSquare(request, { status: 503, times: 2 });
    const id = await sendTestOrder(page);
    await expect(row(page, id).getByText("Retrying")).toBeVisible();
    await snap(page, "orders-retrying");
    await row(page, id).getByRole("link", { name: id }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(id);
    await expect(page.getByText(/could not be reached/).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 }).getByText("In POS")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("list", { name: "Sync attempts" }).getByText(/#3 success/)).toBeVisible();
    await snap(page, "order-detail-recovered");
  });

  test("a rejected order fails, and a manual retry sends it", async ({ page, request }) => {
    await signedIn(page, SELLER);
    await breakSquare(request, { status: 400, code: "INVALID_VALUE", detail: "Line item is not sellable" });
    const id = await sendTestOrder(page);
    await expect(row(page, id).getByText("Failed")).toBeVisible();
    await row(page, id).getByRole("link", { name: id }).click();
    await expect(page.getByText(/Square rejected the order/)).toBeVisible();
    await snap(page, "order-detail-failed");
    await page.getByRole("button", { name: "Retry now" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("In POS")).toBeVisible({ timeout: 20_000 });
  });

  test("sync history and stats show what happened", async ({ page }) => {
    await signedIn(page, SELLER);
    await page.goto("/integrations");
    await expect(page.getByText("Sync history")).toBeVisible();
    await expect(page.getByRole("table").getByText("In POS").first()).toBeVisible();
    await page.getByLabel("Filter by status").selectOption("success");
    await expect(page.getByRole("table").getByText("Failed")).toHaveCount(0);
    await snap(page, "integrations-history");
  });
});

test.describe.serial("status back from Square (signed webhooks from the fake)", () => {
  test("the kitchen moves an order: preparing → ready → completed on screen, with the timeline", async ({ page, request }) => {
    await signedIn(page, SELLER);
    const id = await sendTestOrder(page);
    await expect(row(page, id).getByText("In POS")).toBeVisible();
    await row(page, id).getByRole("link", { name: id }).click();
    const posOrder = (await page.getByText(/^Square order /).textContent())!.replace("Square order ", "").trim();

    for (const [state, label] of [
      ["RESERVED", "preparing"],
      ["PREPARED", "ready"],
      ["COMPLETED", "completed"],
    ] as const) {
      const res = await request.post(`${FAKE}/__fake/orders/${posOrder}/advance`, { data: { state } });
      expect(res.ok()).toBe(true);
      // Square's webhook reached our signed route; the page polls and shows the new status.
      await expect(page.getByRole("heading", { level: 1 }).getByText(label, { exact: true })).toBeVisible({ timeout: 15_000 });
    }
    await expect(page.getByRole("list", { name: "Status changes" }).getByText("Square (webhook)").first()).toBeVisible();
    await snap(page, "order-detail-status-timeline");
  });
});
