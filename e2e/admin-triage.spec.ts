import { expect, test, type Page } from "@playwright/test";
import { SANDBOX_PORT } from "../playwright.config";
import { ADMIN, signedIn, snap } from "./helpers";

const FAKE = `http://127.0.0.1:${SANDBOX_PORT}`;
const SHOTS = process.env.ADMIN_SHOTS_DIR;

/** Desktop and 390 px screenshots of an admin page (into ADMIN_SHOTS_DIR when set, e.g. /tmp/shots/admin). */
async function shoot(page: Page, name: string) {
  await snap(page, `admin-${name}`);
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}-mobile.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test.describe.serial("admin failed-sync triage", () => {
  // A seller of its own (not the demo seller other specs use), so this spec changes nothing of theirs.
  const name = `Triage Bistro ${Date.now().toString(36)}`;
  const seller = { email: `triage-${Date.now()}@bistro.test`, password: "triage-bistro-pass" };
  const FAILED = 3;

  test("a seller's orders fail against a broken POS", async ({ page, request }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Tri Age");
    await page.getByLabel("Business name").fill(name);
    await page.getByLabel("Work email").fill(seller.email);
    await page.getByLabel("Password").fill(seller.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/overview$/);

    await page.goto("/integrations");
    await page.getByRole("link", { name: "Connect Square" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/integrations\?connected=square/);
    await page.getByLabel("Location that receives orders").selectOption({ label: "Main Street Kitchen (USD)" });
    await expect(page.getByText("Orders wait until you choose a location.")).toHaveCount(0);

    // Square rejects the next orders (400: failed for good, no automatic retries).
    await request.post(`${FAKE}/__fake/faults`, { data: { target: "POST /v2/orders", fault: { status: 400, code: "INVALID_VALUE", detail: "Line item is not sellable", times: FAILED } } });
    await page.goto("/orders");
    for (let i = 0; i < FAILED; i++) {
      await page.getByRole("button", { name: "Send test order" }).click();
      await expect(page.getByRole("status").filter({ hasText: /Sent TEST-/ })).toBeVisible();
      await expect(page.getByRole("row").getByText("Failed")).toHaveCount(i + 1, { timeout: 15_000 });
    }
  });

  test("an admin drills into the failing restaurant and bulk-retries its failures against the healed POS", async ({ page, request }) => {
    await signedIn(page, ADMIN);
    await page.goto(`/admin/restaurants?provider=square&q=${encodeURIComponent(name)}`);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("link", { name: String(FAILED), exact: true })).toBeVisible();
    await shoot(page, "restaurants");
    await row.getByRole("link", { name, exact: true }).click();

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.locator("td").getByText("Square", { exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "Sync attempts" }).getByText("failed").first()).toBeVisible();
    await shoot(page, "restaurant-detail");
    await page.getByRole("link", { name: `${FAILED} open failures` }).click();

    await expect(page).toHaveURL(/\/admin\/failures\?restaurantId=/);
    // Exact: the group label only, not the lower-case cause badges of its rows (once they load).
    await expect(page.getByText("Square · validation", { exact: true })).toBeVisible();
    await expect(page.getByText(/Square rejected the order/).first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Open failures" }).getByRole("row")).toHaveCount(FAILED + 1);
    await shoot(page, "failures");

    // Heal the POS, then retry everything that matches the filter.
    await request.delete(`${FAKE}/__fake/faults`);
    const before = (await (await request.get(`${FAKE}/__fake/state`)).json()).orders as number;
    await page.getByRole("button", { name: `Retry all ${FAILED} matching` }).click();
    const status = page.getByRole("status").filter({ hasText: "Retried" });
    await expect(status).toContainText(`Retried ${FAILED} of ${FAILED}`);
    await expect(status).toContainText(`${FAILED} in POS`, { timeout: 20_000 });
    await expect(page.getByText("No open failure matches these filters.")).toBeVisible();
    await shoot(page, "failures-retried");
    const after = (await (await request.get(`${FAKE}/__fake/state`)).json()).orders as number;
    expect(after - before).toBe(FAILED);

    // Running it again sends nothing twice.
    await page.reload();
    await expect(page.getByRole("button", { name: "Retry all 0 matching" })).toBeDisabled();
    expect((await (await request.get(`${FAKE}/__fake/state`)).json()).orders).toBe(after);
  });

  test("the seller disconnects again (keeps the shared Square fake's merchant to the other specs)", async ({ page }) => {
    await signedIn(page, seller);
    await page.goto("/integrations");
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByRole("link", { name: "Connect Square" })).toBeVisible();
  });
});
