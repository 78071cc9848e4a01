import { expect, test } from "@playwright/test";
import { ADMIN, SELLER, signIn, snap } from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.describe("mobile width", () => {
  test("seller shell collapses into a menu sheet", async ({ page }) => {
    await page.goto("/sign-in");
    await snap(page, "mobile-sign-in");
    await signIn(page, SELLER);
    await expect(page).toHaveURL(/\/overview$/);
    await snap(page, "mobile-seller-overview");
    await page.getByRole("button", { name: "Open navigation" }).click();
    const sheet = page.getByRole("dialog");
    await expect(sheet.getByRole("link", { name: "Orders" })).toBeVisible();
    await snap(page, "mobile-seller-menu");
    await sheet.getByRole("link", { name: "Orders" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await snap(page, "mobile-seller-orders");
  });

  test("admin overview fits a phone", async ({ page }) => {
    await signIn(page, ADMIN);
    await expect(page).toHaveURL(/\/admin$/);
    await snap(page, "mobile-admin-overview");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  });
});
