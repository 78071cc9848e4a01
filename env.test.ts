import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = import.meta.dirname;

/** Import env.ts in a fresh Node process with exactly `vars` set. */
function loadEnv(vars: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "-e", `import(${JSON.stringify(path.join(root, "env.ts"))})`], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...vars } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("env validation", () => {
  it("refuses to start in production without required variables, naming them", () => {
    const res = loadEnv({ NODE_ENV: "production" });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain("DATABASE_URL");
    expect(res.stderr).toContain("AUTH_SECRET");
    expect(res.stderr).toContain("APP_ENCRYPTION_KEY");
  });

  it("names the one variable that is wrong", () => {
    const res = loadEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u@db.example/app",
      AUTH_SECRET: "too-short",
      APP_ENCRYPTION_KEY: "k1:x",
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain("AUTH_SECRET");
    expect(res.stderr).not.toContain("DATABASE_URL:");
  });

  it("starts in production with the required variables", () => {
    const res = loadEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u@db.example/app",
      AUTH_SECRET: "a".repeat(32),
      APP_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
    });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
  });

  it("needs nothing in development: the embedded database is the default", () => {
    const res = loadEnv({ NODE_ENV: "development" });
    expect(res.status).toBe(0);
  });
});
