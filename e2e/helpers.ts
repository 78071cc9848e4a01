import { mkdirSync } from "node:fs";
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

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 390, height: 844 };

/** Screenshots into `dir` for a person to look at (not compared): one, or desktop + 390 px. */
export function screenshots(dir: string) {
  async function shot(page: Page, name: string, fullPage = false) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage });
  }
  async function shots(page: Page, name: string) {
    await shot(page, `${name}-desktop`);
    await page.setViewportSize(MOBILE);
    await page.waitForTimeout(300);
    await shot(page, `${name}-mobile`);
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(300);
  }
  return { shot, shots };
}

/** Switch the seller's current restaurant (the shell's switcher), if it is not already chosen. */
export async function chooseOutlet(page: Page, name: string) {
  const switcher = page.getByRole("combobox", { name: "Restaurant" }).first();
  if ((await switcher.textContent())?.includes(name)) return;
  await switcher.click();
  await page.getByRole("option", { name }).click();
  await expect(switcher).toContainText(name);
}
