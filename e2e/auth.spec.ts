import { expect, test } from "@playwright/test";
import { ADMIN, expectSignedInShell, SELLER, signIn, snap } from "./helpers";

test.describe("sign-in and roles", () => {
  test("bad password shows an error and stays signed out", async ({ page }) => {
    await signIn(page, { email: SELLER.email, password: "not-the-password" });
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Email")).toHaveValue(SELLER.email);
    await snap(page, "sign-in-error");
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Foverview/);
  });

  test("empty fields get field errors, nothing is submitted", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
  });

  test("demo seller signs in and sees the seller shell with real orders", async ({ page }) => {
    await signIn(page, SELLER);
    await expect(page).toHaveURL(/\/overview$/);
    await expectSignedInShell(page, "Spice Route — Downtown");
    await expect(page.getByText("MKT-10231").first()).toBeVisible();
    await snap(page, "seller-overview");

    for (const [link, heading] of [
      ["Integrations", "Integrations"],
      ["Orders", "Orders"],
      ["Menu", "Menu"],
      ["Settings", "Settings"],
    ] as const) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await snap(page, `seller-${link.toLowerCase()}`);
    }
  });

  test("a signed-out visitor is sent to sign-in and then back to the page they asked for", async ({ page }) => {
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forders/);
    await page.getByLabel("Email").fill(SELLER.email);
    await page.getByLabel("Password").fill(SELLER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  });

  test("a seller who opens an admin URL gets a 403 page", async ({ page }) => {
    await signIn(page, SELLER);
    await expect(page).toHaveURL(/\/overview$/);
    const res = await page.goto("/admin/restaurants");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await snap(page, "forbidden");
  });

  test("admin signs in to the admin console and the scheduler is alive", async ({ page }) => {
    await signIn(page, ADMIN);
    await expect(page).toHaveURL(/\/admin$/);
    await expectSignedInShell(page, "Platform overview");
    await expect(page.getByText(/Last heartbeat .* via inline/)).toBeVisible();
    const runs = async () => Number((await page.getByText(/· \d+ runs?$/).textContent())?.match(/\d+/)?.[0]);
    const before = await runs();
    await page.getByRole("button", { name: "Run heartbeat" }).click();
    await expect.poll(runs).toBeGreaterThan(before);
    await snap(page, "admin-overview");
    for (const link of ["Restaurants", "Providers", "Webhooks", "Audit"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await snap(page, `admin-${link.toLowerCase()}`);
    }
  });

  test("unknown routes render the 404 page", async ({ page }) => {
    const res = await page.goto("/definitely-not-a-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("scripts can sign in at /api/auth/callback/credentials", async ({ request }) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: SELLER.email, password: SELLER.password },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    const session = await (await request.get("/api/auth/session")).json();
    expect(session.user.email).toBe(SELLER.email);
  });
});
