import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, expectSignedInShell, signedIn } from "./helpers";

const SHOTS = process.env.ADMIN_SHOTS_DIR ?? "/tmp/shots/admin-metrics";
mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.describe("admin overview (issue 6)", () => {
  test("admin sees the overview with charts, switches range, and a number leads to its rows", async ({ page }) => {
    await signedIn(page, ADMIN);
    await page.goto("/admin");
    await expectSignedInShell(page, "Platform overview");
    await expect(page.getByText("Orders today")).toBeVisible();
    await expect(page.getByTestId("chart-orders").getByRole("application")).toBeVisible();
    await expect(page.getByTestId("chart-orders").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Square", exact: true })).toBeVisible();
    await expect(page.getByText(/Last heartbeat/)).toBeVisible();
    await shot(page, "overview-desktop");

    const ranges = page.getByRole("navigation", { name: "Time range" });
    await ranges.getByRole("link", { name: "7 days" }).click();
    await expect(page).toHaveURL(/\/admin\?range=7d$/);
    await expect(ranges.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText(/last 7 days/).first()).toBeVisible();
    await ranges.getByRole("link", { name: "30 days" }).click();
    await expect(page).toHaveURL(/range=30d/);
    await shot(page, "overview-30d-desktop");

    // The headline figure links to the rows behind it.
    await page.getByRole("link", { name: /Orders today/ }).click();
    await expect(page).toHaveURL(/\/admin\/restaurants/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Spice Route — Downtown" })).toBeVisible();

    // A provider's webhook figure opens the explorer filtered on that provider.
    await page.goto("/admin/webhooks?provider=square&status=failed");
    await expect(page.getByLabel("Provider")).toHaveValue("square");
    await expect(page.getByLabel("Status")).toHaveValue("failed");
  });

  test("providers: settings are validated and credentials never shown back", async ({ page }) => {
    await signedIn(page, ADMIN);
    await page.goto("/admin/providers");
    const form = page.getByRole("form", { name: "TouchBistro settings" });
    await form.getByLabel("Global config (JSON)").fill('{"no_such_setting": 1}');
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByRole("alert")).toContainText(/Invalid TouchBistro configuration/);
    await form.getByLabel("Global config (JSON)").fill("{}");
    await form.getByLabel("api_key", { exact: true }).fill("tb-platform-key-1234");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved");
    await page.reload();
    await expect(page.getByRole("form", { name: "TouchBistro settings" }).getByLabel("api_key", { exact: true })).toHaveAttribute("placeholder", /set • 1234/);
    expect(await page.content()).not.toContain("tb-platform-key-1234");
    await shot(page, "providers-desktop");

    await page.goto("/admin/audit?action=provider_settings.updated");
    await expect(page.getByRole("cell", { name: "provider_settings.updated" }).first()).toBeVisible();
    await expect(page.getByText("credentialsSet: [\"api_key\"]").first()).toBeVisible();
    await shot(page, "audit-desktop");
  });

  test("phone width: overview, providers and audit fit 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signedIn(page, ADMIN);
    for (const [path, name] of [["/admin", "overview"], ["/admin/providers", "providers"], ["/admin/audit", "audit"]] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shot(page, `${name}-mobile`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), `${path} overflows`).toBe(false);
    }
  });
});
