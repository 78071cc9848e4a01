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
    // Production names its database; embedded PGlite only when asked for by DATABASE_DRIVER.
    DATABASE_URL: isProduction && process.env.DATABASE_DRIVER !== "pglite" ? z.url() : z.url().optional(),
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
    /** The webhook subscription's signature key (Developer Console → Webhooks) [reference §1.4]. */
    SQUARE_WEBHOOK_SIGNATURE_KEY: z.string().optional(),
    /** The notification URL exactly as registered on the subscription; Square signs it [reference §1.4]. */
    SQUARE_WEBHOOK_URL: z.url().optional(),
    /** PetPooja host set: "sandbox" (AWS API Gateway hosts) or "production" (host UNCONFIRMED: set PETPOOJA_BASE_URL). */
    PETPOOJA_ENVIRONMENT: z.enum(["production", "sandbox"]).default("sandbox"),
    /** Override PetPooja's base URL, stage included (e.g. https://…/V1, or a fake on localhost). */
    PETPOOJA_BASE_URL: z.url().optional(),
    /** Full save_order URL when it is on another host than the base URL (the sandbox's is). */
    PETPOOJA_SAVE_ORDER_URL: z.url().optional(),
    /** Platform (partner) credentials issued by PetPooja; a connection may override them. */
    PETPOOJA_APP_KEY: z.string().optional(),
    PETPOOJA_APP_SECRET: z.string().optional(),
    PETPOOJA_ACCESS_TOKEN: z.string().optional(),
    /** TouchBistro partner API base URL (host UNCONFIRMED: see server/integrations/touchbistro/CONFIRM.md). */
    TOUCHBISTRO_BASE_URL: z.url().optional(),
    /** Platform (partner) credentials issued by TouchBistro (seed 000 platformPartnerId / platformApiKey). */
    TOUCHBISTRO_PARTNER_ID: z.string().optional(),
    TOUCHBISTRO_API_KEY: z.string().optional(),
    /** Status polling (server/polling): orders claimed per provider per run. */
    POS_POLL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
    /** Default per-provider poll rate (requests/second); POS_POLL_RATE_LIMITS overrides per provider ("touchbistro=2,other=0.5"). */
    POS_POLL_REQUESTS_PER_SECOND: z.coerce.number().positive().default(2),
    POS_POLL_RATE_LIMITS: z.string().optional(),
    /** An open order is polled again at most this often (seed 000: 30 s). */
    POS_POLL_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(30),
    /** Budget of one poll run: at most rate × this many calls per provider. */
    POS_POLL_MAX_RUN_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
    /** How long a rotated-out per-restaurant webhook secret keeps verifying. */
    WEBHOOK_SECRET_GRACE_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
    /** Public URL of this app, for OAuth redirect URIs and webhook URLs. */
    APP_URL: z.url().optional(),
    POS_SYNC_RETRY_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
    POS_SYNC_MAX_RETRIES: z.coerce.number().int().min(0).max(100).default(12),
    POS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Menu webhooks of one connection within this window become one menu sync (Inngest debounce; in-process timer). */
    MENU_SYNC_DEBOUNCE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
    /** Serve the bench-only baseline routes (/api/bench/*) that bench/webhook-ingest.ts compares against; 404 otherwise. */
    BENCH_ROUTES: boolish.optional(),
    /** Days stored webhook calls (settled ones) and poll-run metrics are kept. */
    ACTIVITY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(35),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** Outbound email: smtp(s)://user:pass@host:port. Unset → email notifications stay pending. */
    SMTP_URL: z.string().optional(),
    SMTP_FROM: z.string().default("Switchboard <notifications@switchboard.local>"),
    /** Twilio-compatible SMS/WhatsApp API (a local fake in dev/tests). */
    TWILIO_BASE_URL: z.url().default("https://api.twilio.com"),
    TWILIO_ACCOUNT_SID: z.string().optional(),
    TWILIO_AUTH_TOKEN: z.string().optional(),
    /** Sender for SMS (E.164) and WhatsApp (E.164; "whatsapp:" is added). */
    TWILIO_FROM: z.string().optional(),
    TWILIO_WHATSAPP_FROM: z.string().optional(),
    /** Sends per outbound notification before it is marked failed. */
    NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
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
