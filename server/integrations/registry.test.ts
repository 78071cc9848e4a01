import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "~/server/errors";
import { getProvider, isProviderId, listProviders, providerIds } from "./registry";

const CAPABILITIES = ["oauth", "push_order", "get_order", "cancel_order", "list_locations", "fetch_catalog", "set_availability", "webhooks", "health_check"] as const;

/** The shape every provider's metadata must have, checked as data. */
const metadataSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]+$/),
  name: z.string().min(2),
  kind: z.enum(["pos", "channel"]),
  regions: z.array(z.string().min(2)).min(1),
  auth: z.union([
    z.object({ mode: z.literal("oauth2"), authorizePath: z.string().startsWith("/"), tokenPath: z.string().startsWith("/"), scopes: z.array(z.string()).min(1) }),
    z.object({ mode: z.enum(["api_key", "basic"]), fields: z.array(z.string()).min(1) }),
  ]),
  capabilities: z.array(z.enum(CAPABILITIES)).min(1),
  statusMode: z.enum(["webhook", "polling"]),
  baseUrls: z.object({ production: z.url(), sandbox: z.url().optional() }),
  configSchema: z.custom<z.ZodType>((v) => v instanceof z.ZodType),
  docsUrl: z.url(),
});

describe("provider registry", () => {
  it.each(providerIds)("%s: metadata parses, and declared capabilities are implemented", (id) => {
    const p = getProvider(id);
    const m = metadataSchema.parse(p.metadata);
    expect(m.id).toBe(id);
    expect(m.configSchema.safeParse({}).success).toBe(true); // every override is optional
    const has = (c: (typeof CAPABILITIES)[number]) => m.capabilities.includes(c);
    expect(has("oauth")).toBe(!!p.oauth);
    expect(has("oauth")).toBe(m.auth.mode === "oauth2");
    expect(has("webhooks")).toBe(!!p.webhooks);
    expect(has("webhooks") || m.statusMode === "polling").toBe(true);
    expect(typeof p.adapter.pushOrder).toBe("function");
    if (has("get_order")) expect(p.adapter.getOrder).toBeTypeOf("function");
    if (has("list_locations")) expect(p.adapter.listLocations).toBeTypeOf("function");
    if (has("fetch_catalog")) expect(p.adapter.fetchMenu).toBeTypeOf("function");
    if (has("health_check")) expect(p.adapter.healthCheck).toBeTypeOf("function");
  });

  it("knows its providers and rejects unknown ids as NOT_FOUND", () => {
    expect(listProviders().map((p) => p.metadata.id)).toEqual(providerIds);
    expect(isProviderId("square")).toBe(true);
    expect(isProviderId("toString")).toBe(false);
    expect(() => getProvider("nope")).toThrow(AppError);
  });
});
