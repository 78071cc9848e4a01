import { describe, expect, it } from "vitest";
import type { env as Env } from "~/env";
import { metadata, TOUCHBISTRO_DEFAULT_PATHS, TOUCHBISTRO_PRODUCTION_BASE_URL, touchbistroConfigSchema, touchbistroGlobalConfigSchema } from "./provider";
import { touchbistroRuntimeFromEnv } from "./runtime";
import { touchbistroSettingsOf } from "./settings";

describe("TouchBistro metadata and config schemas", () => {
  it("declares the partner model and polling", () => {
    expect(metadata).toMatchObject({ id: "touchbistro", kind: "pos", statusMode: "polling", auth: { mode: "api_key", fields: ["partner_id", "api_key", "location_id", "location_token"] } });
    expect(metadata.capabilities).toEqual(["push_order", "get_order", "health_check"]);
  });

  it("restaurant overrides: every field optional, endpoints are paths only, secrets and unknown keys refused", () => {
    expect(touchbistroConfigSchema.safeParse({}).success).toBe(true);
    expect(touchbistroConfigSchema.safeParse({ endpoints: { get_order: "/v2/orders/{order_id}" } }).success).toBe(true);
    expect(touchbistroConfigSchema.safeParse({ endpoints: { get_order: "https://evil.example/x" } }).success).toBe(false);
    expect(touchbistroConfigSchema.safeParse({ endpoints: { get_order: "/../x" } }).success).toBe(false);
    expect(touchbistroConfigSchema.safeParse({ partner_id: "x" }).success).toBe(false);
    expect(touchbistroConfigSchema.safeParse({ status_map: { held: "nope" } }).success).toBe(false);
    expect(touchbistroGlobalConfigSchema.safeParse({ endpoints: { create_order: "https://partners.touchbistro.example/orders" } }).success).toBe(true);
  });

  it("merges provider defaults < platform credentials < restaurant config and grant < the connection's location", () => {
    const s = touchbistroSettingsOf(
      {
        app: { clientId: "partner-1", clientSecret: "platform-key" },
        credentials: { accessToken: "loc-token" },
        connection: { id: "c", externalLocationId: "loc-9", externalMerchantId: null, config: { token_placement: "header", location_id: "ignored" } },
      },
      { token_placement: "query", partner_id_placement: "header" },
    );
    expect(s).toMatchObject({
      partner_id: "partner-1",
      api_key: "platform-key",
      location_token: "loc-token",
      location_id: "loc-9",
      token_placement: "header",
      partner_id_placement: "header",
      token_param: "authentication_token",
      endpoints: TOUCHBISTRO_DEFAULT_PATHS,
    });
  });

  it("names every missing value", () => {
    expect(() => touchbistroSettingsOf({ app: {}, credentials: {}, connection: { id: "c", externalLocationId: null, externalMerchantId: null, config: {} } })).toThrow(
      /missing partner_id, location_token, location_id/,
    );
  });
});

describe("touchbistroRuntimeFromEnv", () => {
  it("defaults to the cloud host; TOUCHBISTRO_BASE_URL wins; partner credentials are the app", () => {
    expect(touchbistroRuntimeFromEnv({} as typeof Env)).toEqual({ baseUrl: TOUCHBISTRO_PRODUCTION_BASE_URL, app: { clientId: undefined, clientSecret: undefined } });
    expect(touchbistroRuntimeFromEnv({ TOUCHBISTRO_BASE_URL: "http://127.0.0.1:4012", TOUCHBISTRO_PARTNER_ID: "p", TOUCHBISTRO_API_KEY: "k" } as typeof Env)).toEqual({
      baseUrl: "http://127.0.0.1:4012",
      app: { clientId: "p", clientSecret: "k" },
    });
  });
});
