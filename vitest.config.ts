import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run modules directly.
      "server-only": path.resolve(import.meta.dirname, "server/testing/empty.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    setupFiles: ["server/testing/setup.ts"],
    globalSetup: ["server/testing/global-setup.ts"],
    // PGlite boots a WASM Postgres per file: give it room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
