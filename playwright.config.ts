import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4610);

/**
 * E2E in Debian's Chromium against the production build (`next build` first). The server
 * starts on a fresh Postgres database that e2e/prepare-db.ts creates, migrates and seeds.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // No network beyond loopback here: keep Chromium from phoning home at start.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: `npx tsx e2e/prepare-db.ts && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/switchboard_e2e",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-0000",
      APP_ENCRYPTION_KEY: `e2e:${Buffer.alloc(32, 1).toString("base64")}`,
      AUTH_URL: baseURL,
      MIGRATE_ON_START: "true",
      JOBS_DRIVER: "inline",
      // The Square fake runs inside the server on a known port, so specs can break and heal it.
      PROVIDER_SANDBOX: "true",
      SANDBOX_PORT: String(SANDBOX_PORT),
      POS_SYNC_RETRY_INTERVAL_SECONDS: "2",
      LOG_LEVEL: "warn",
    },
  },
});
