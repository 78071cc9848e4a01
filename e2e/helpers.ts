import { expect, type Page } from "@playwright/test";

export const SELLER = { email: "seller@example.com", password: "switchboard-seller" };
export const ADMIN = { email: "admin@example.com", password: "switchboard-admin" };

export async function signIn(page: Page, who: { email: string; password: string }, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Full-page screenshot into e2e/.artifacts for a person to look at (not compared). */
export async function snap(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `e2e/.artifacts/${name}.png`, fullPage: true });
}

export async function expectSignedInShell(page: Page, heading: string | RegExp) {
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** Sign in and wait until the app has landed, so the session cookie is set before the next goto. */
export async function signedIn(page: Page, who: { email: string; password: string }) {
  await signIn(page, who);
  await expect(page).not.toHaveURL(/\/sign-in/);
}
