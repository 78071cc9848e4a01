import { expect, test } from "@playwright/test";
import { expectSignedInShell, SELLER, snap } from "./helpers";

test.describe("sign-up", () => {
  test("creates an organization and lands in the seller shell", async ({ page }) => {
    const email = `owner-${Date.now()}@bistro.test`;
    await page.goto("/sign-up");
    await snap(page, "sign-up");
    await page.getByLabel("Your name").fill("Rosa Diaz");
    await page.getByLabel("Business name").fill("Rosa's Taqueria");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill("tacos-every-day");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expectSignedInShell(page, "Rosa's Taqueria");
    await expect(page.getByText("No orders yet")).toBeVisible();
    await snap(page, "sign-up-landed");

    // The new owner can add a second location through tRPC, and switch to it.
    await page.goto("/settings");
    await page.getByLabel("Restaurant name").fill("Rosa's Taqueria — Uptown");
    await page.getByRole("button", { name: "Add restaurant" }).click();
    await expect(page.getByText("Restaurant added.")).toBeVisible();
    await page.getByRole("combobox", { name: "Restaurant" }).first().click();
    await page.getByRole("option", { name: "Rosa's Taqueria — Uptown" }).click();
    // The choice is saved by a server action; the switcher shows it once the page has refreshed.
    await expect(page.getByRole("combobox", { name: "Restaurant" }).first()).toContainText("Uptown");
    await page.goto("/overview");
    await expect(page.getByRole("heading", { level: 1, name: "Rosa's Taqueria — Uptown" })).toBeVisible();
  });

  test("invalid and duplicate input gets field errors and creates nothing", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Dup");
    await page.getByLabel("Business name").fill("Dup Diner");
    await page.getByLabel("Work email").fill(SELLER.email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters")).toBeVisible();

    await page.getByLabel("Password").fill("long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up/);
    await snap(page, "sign-up-duplicate");
  });
});
