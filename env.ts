import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";
const boolish = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/**
 * Every environment variable the app reads, validated once. Nothing else reads process.env.
 * In production a missing required variable stops the app at start with its name.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Unset → embedded PGlite; postgres:// → node-postgres; *.neon.tech → Neon serverless. */
    DATABASE_URL: isProduction ? z.url() : z.url().optional(),
    /** Force a driver ("pglite" | "pg" | "neon"), e.g. Neon through a local ws proxy. */
    DATABASE_DRIVER: z.enum(["pglite", "pg", "neon"]).optional(),
    PGLITE_DATA_DIR: z.string().default(".data/pglite"),
    /** Apply migrations when the server starts. Default: on outside production. */
    MIGRATE_ON_START: boolish.optional(),
    /** Seed demo data into an empty database at start. Default: on in development. */
    SEED_DEMO_DATA: boolish.optional(),
    AUTH_SECRET: isProduction ? z.string().min(32) : z.string().min(32).optional(),
    AUTH_URL: z.url().optional(),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: isProduction && process.env.INNGEST_EVENT_KEY ? z.string() : z.string().optional(),
    /** "1" for the Inngest dev server on its default port, or its URL. */
    INNGEST_DEV: z.string().optional(),
    /** Override the jobs driver: "inngest" or "inline" (in-process). */
    JOBS_DRIVER: z.enum(["inngest", "inline"]).optional(),
    /**
     * Credential vault keys: "kid:base64(32 bytes)", comma-separated, the first one active
     * (older ones stay for decrypting until rotated out). Dev creates one under .data/.
     */
    APP_ENCRYPTION_KEY: isProduction ? z.string().min(1) : z.string().min(1).optional(),
    /** Start each provider's local fake and point adapters at it (dev default: on). */
    PROVIDER_SANDBOX: boolish.optional(),
    /** First port for the sandbox fakes (square = this port); 0 picks free ports. */
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    SQUARE_ENVIRONMENT: z.enum(["production", "sandbox"]).default("sandbox"),
    /** Override Square's base URL (e.g. a fake on localhost). */
    SQUARE_BASE_URL: z.url().optional(),
    SQUARE_APPLICATION_ID: z.string().optional(),
    SQUARE_APPLICATION_SECRET: z.string().optional(),
    /** Public URL of this app, for OAuth redirect URIs and webhook URLs. */
    APP_URL: z.url().optional(),
    POS_SYNC_RETRY_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
    POS_SYNC_MAX_RETRIES: z.coerce.number().int().min(0).max(100).default(12),
    POS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const names = issues.map((i) => i.path?.map(String).join(".") ?? "?").join(", ");
    console.error(`❌ Invalid environment variables: ${names}`);
    for (const i of issues) console.error(`  - ${i.path?.map(String).join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables: ${names}`);
  },
});
