import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { providerSettings } from "~/db/schema";
import { AppError } from "~/server/errors";
import { createTestDb, type TestDb } from "~/server/testing/db";
import { petpoojaResolvedConfigSchema } from "./petpooja/provider";
import { loadProviderConfig, loadProviderLayers, mergeConfigLayers, mergeProviderConfig, sealProviderCredentials } from "./provider-config";

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an error");
}

describe("mergeConfigLayers", () => {
  it("later layers win, objects merge deeply, arrays replace, null/undefined do not unset", () => {
    const merged = mergeConfigLayers(
      { device_type: "WebClient", endpoints: { save_order: "https://a.example/save_order", fetch_menu: "/menu" }, tags: ["a"], app_key: "platform" },
      { endpoints: { fetch_menu: "/mapped_restaurant_menus" }, tags: ["b"], app_key: null, udid: undefined },
      { restID: "r1" },
    );
    expect(merged).toEqual({
      device_type: "WebClient",
      endpoints: { save_order: "https://a.example/save_order", fetch_menu: "/mapped_restaurant_menus" },
      tags: ["b"],
      app_key: "platform",
      restID: "r1",
    });
  });

  it("drops prototype keys from stored JSON", () => {
    const merged = mergeConfigLayers(JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>);
    expect(merged).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("mergeProviderConfig (seed 002 Configuration Merging)", () => {
  const layers = {
    global: { device_type: "WebClient", udid: "web_default" },
    platformCredentials: { app_key: "ak", app_secret: "as", access_token: "at" },
    restaurant: { udid: "custom_web_device_id_123", restaurant_name_petpooja: "Custom Restaurant Name" },
    core: { restID: "czw-test" },
  };

  it("provider defaults + platform credentials + restaurant overrides + core fields, validated", () => {
    const cfg = mergeProviderConfig("PetPooja", petpoojaResolvedConfigSchema, layers);
    expect(cfg).toMatchObject({
      app_key: "ak",
      app_secret: "as",
      access_token: "at",
      restID: "czw-test",
      device_type: "WebClient",
      udid: "custom_web_device_id_123",
      restaurant_name_petpooja: "Custom Restaurant Name",
      endpoints: { save_order: "/save_order", update_order_status: "/update_order_status", fetch_menu: "/mapped_restaurant_menus" },
    });
  });

  it("core fields win over a restaurant override", () => {
    expect(mergeProviderConfig("PetPooja", petpoojaResolvedConfigSchema, { ...layers, restaurant: { restID: "other" } }).restID).toBe("czw-test");
  });

  it("names every missing field, and invalid ones without echoing values", () => {
    const err = caught(() => mergeProviderConfig("PetPooja", petpoojaResolvedConfigSchema, { global: { min_prep_time: "soon" }, platformCredentials: { app_key: "ak" } }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toBe("PetPooja configuration is incomplete: missing app_secret, access_token, restID; invalid min_prep_time (Invalid input: expected number, received string)");
    expect(err.details).toMatchObject({ provider: "PetPooja", missing: ["app_secret", "access_token", "restID"] });
    expect(err.message).not.toContain("ak");
  });

  it("works with any provider schema", () => {
    const schema = z.object({ token: z.string(), nested: z.object({ region: z.string() }) });
    expect(caught(() => mergeProviderConfig("Acme", schema, { global: { token: "t" } })).message).toBe("Acme configuration is incomplete: missing nested");
    expect(mergeProviderConfig("Acme", schema, { global: { token: "t", nested: { region: "eu" } }, restaurant: { nested: { region: "in" } } })).toEqual({ token: "t", nested: { region: "in" } });
  });
});

describe("loadProviderConfig", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.dispose());

  it("no provider_settings row → empty provider layers", async () => {
    expect(await loadProviderLayers(t.db, "petpooja")).toEqual({ enabled: true, global: {}, platformCredentials: {} });
  });

  it("merges globalConfig and sealed platform credentials with the restaurant's overrides", async () => {
    const sealed = sealProviderCredentials("petpooja", { app_key: "ak", app_secret: "as", access_token: "at" });
    await t.db.insert(providerSettings).values({ provider: "petpooja", globalConfig: { device_type: "WebClient" }, credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId });
    const cfg = await loadProviderConfig(t.db, { provider: "petpooja", providerName: "PetPooja", schema: petpoojaResolvedConfigSchema, restaurant: { udid: "u1" }, core: { restID: "r1" } });
    expect(cfg).toMatchObject({ app_key: "ak", app_secret: "as", access_token: "at", device_type: "WebClient", udid: "u1", restID: "r1" });
    // Credentials sealed for another provider do not open here (bound to the row's provider).
    const foreign = sealProviderCredentials("square", { app_key: "x" });
    await t.db.insert(providerSettings).values({ provider: "other", credentialsCiphertext: foreign.ciphertext, credentialsKeyId: foreign.keyId });
    await expect(loadProviderLayers(t.db, "other")).rejects.toMatchObject({ code: "INTERNAL" });
  });

  it("a disabled provider is refused", async () => {
    await t.db.insert(providerSettings).values({ provider: "disabled", enabled: false });
    await expect(loadProviderConfig(t.db, { provider: "disabled", providerName: "Disabled", schema: z.object({}) })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
