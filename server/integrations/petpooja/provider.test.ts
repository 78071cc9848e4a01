import { describe, expect, it } from "vitest";
import type { env as Env } from "~/env";
import { metadata, PETPOOJA_SANDBOX_BASE_URL, PETPOOJA_SANDBOX_SAVE_ORDER_URL, petpoojaConfigSchema, petpoojaGlobalConfigSchema } from "./provider";
import { petpoojaRuntimeFromEnv } from "./runtime";
import { petpoojaSettingsOf } from "./settings";

const envOf = (o: Partial<typeof Env>) => ({ PETPOOJA_ENVIRONMENT: "sandbox", ...o }) as typeof Env;

describe("PetPooja metadata and config schemas", () => {
  it("declares what the brief and the reference say", () => {
    expect(metadata).toMatchObject({ id: "petpooja", kind: "pos", regions: ["IN"], statusMode: "webhook", auth: { mode: "api_key", fields: ["app_key", "app_secret", "access_token", "restID"] } });
    expect(metadata.capabilities).toEqual(["push_order", "cancel_order", "fetch_catalog", "set_availability", "webhooks", "health_check"]);
  });

  it("restaurant overrides: every field optional, endpoints are paths only, unknown keys refused", () => {
    expect(petpoojaConfigSchema.safeParse({}).success).toBe(true);
    expect(petpoojaConfigSchema.safeParse({ endpoints: { save_order: "/v2/save_order" } }).success).toBe(true);
    expect(petpoojaConfigSchema.safeParse({ endpoints: { save_order: "https://evil.example/x" } }).success).toBe(false);
    expect(petpoojaConfigSchema.safeParse({ endpoints: { save_order: "/../x" } }).success).toBe(false);
    expect(petpoojaConfigSchema.safeParse({ app_secret: "x" }).success).toBe(false);
    expect(petpoojaConfigSchema.safeParse({ addon_mapping: { Mojito: { id: "1", group_id: "2", group_name: "g" } } }).success).toBe(false);
    // Admin-level defaults may name another host (the sandbox's save_order host).
    expect(petpoojaGlobalConfigSchema.safeParse({ endpoints: { save_order: PETPOOJA_SANDBOX_SAVE_ORDER_URL } }).success).toBe(true);
  });

  it("global config from provider_settings is merged under the restaurant's", () => {
    const s = petpoojaSettingsOf(
      { app: { clientId: "ak", clientSecret: "as", extra: { access_token: "at" } }, credentials: {}, connection: { id: "c", externalLocationId: "r1", externalMerchantId: null, config: { udid: "mine" } } },
      { device_type: "WebClient", udid: "default" },
    );
    expect(s).toMatchObject({ device_type: "WebClient", udid: "mine", restID: "r1" });
  });
});

describe("petpoojaRuntimeFromEnv", () => {
  it("sandbox by default, with the sandbox's separate save_order host", () => {
    expect(petpoojaRuntimeFromEnv(envOf({ PETPOOJA_APP_KEY: "ak", PETPOOJA_APP_SECRET: "as", PETPOOJA_ACCESS_TOKEN: "at" }))).toEqual({
      baseUrl: PETPOOJA_SANDBOX_BASE_URL,
      app: { clientId: "ak", clientSecret: "as", extra: { access_token: "at", save_order_url: PETPOOJA_SANDBOX_SAVE_ORDER_URL } },
    });
  });

  it("PETPOOJA_BASE_URL wins and drops the sandbox save_order host; production uses the production host", () => {
    expect(petpoojaRuntimeFromEnv(envOf({ PETPOOJA_BASE_URL: "http://127.0.0.1:4011/V1" }))).toMatchObject({ baseUrl: "http://127.0.0.1:4011/V1", app: { extra: {} } });
    expect(petpoojaRuntimeFromEnv(envOf({ PETPOOJA_ENVIRONMENT: "production" })).baseUrl).toBe(metadata.baseUrls.production);
    expect(petpoojaRuntimeFromEnv(envOf({ PETPOOJA_SAVE_ORDER_URL: "https://x.example/V1/save_order" })).app.extra).toEqual({ save_order_url: "https://x.example/V1/save_order" });
  });
});
