import { describe, expect, it } from "vitest";
import { GET } from "~/app/api/v1/openapi.json/route";
import { buildOpenApiDocument, toJsonSchema } from "./openapi";
import { API_ROUTES } from "./routes";
import { successEnvelopeSchema } from "./schemas";

const EXPECTED = [
  ["get", "/api/v1/restaurants"],
  ["get", "/api/v1/restaurants/{restaurantId}/menu"],
  ["post", "/api/v1/orders"],
  ["put", "/api/v1/restaurants/{restaurantId}/dishes"],
  ["post", "/api/v1/pos/connect"],
  ["post", "/api/v1/pos/disconnect"],
  ["get", "/api/v1/pos/integration/{businessId}"],
  ["get", "/api/v1/pos/integration/{businessId}/health"],
  ["post", "/api/v1/pos/integration/{businessId}/rotate-secret"],
  ["post", "/api/v1/pos/sync/{orderId}"],
  ["get", "/api/v1/pos/history/{businessId}"],
  ["get", "/api/v1/pos/stats/{businessId}"],
  ["post", "/api/v1/restaurants/{restaurantId}/menu/sync"],
] as const;

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[]; responses: Record<string, unknown>; security: unknown[] }>>;
  components: { securitySchemes: Record<string, unknown>; responses: Record<string, unknown>; schemas: Record<string, unknown> };
};

// A JSON round trip: what a client actually receives.
const doc = JSON.parse(JSON.stringify(buildOpenApiDocument({ serverUrl: "https://sb.test" }))) as Doc;

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every endpoint of seed 001 plus order intake", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [method, path] of EXPECTED) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(EXPECTED.map(([m, p]) => `${m} ${p}`).sort());
  });

  it("declares both security schemes and the error responses every client must handle", () => {
    expect(doc.components.securitySchemes).toMatchObject({
      apiKey: { type: "http", scheme: "bearer" },
      session: { type: "apiKey", in: "cookie" },
    });
    for (const op of Object.values(doc.paths).flatMap((ops) => Object.values(ops))) {
      expect(op.security).toEqual([{ apiKey: [] }, { session: [] }]);
      for (const status of ["401", "429", "500"]) expect(op.responses[status], op.operationId).toBeDefined();
    }
    const allStatuses = new Set(Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op) => Object.keys(op.responses))));
    for (const status of ["400", "401", "404", "409", "429", "500"]) expect(allStatuses).toContain(status);
  });

  it("every $ref resolves inside the document", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref.replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("documents each path parameter in the template, and only those", () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        expect(op.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(inTemplate);
      }
    }
  });

  it("operation ids are unique", () => {
    const ids = API_ROUTES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is served raw at /api/v1/openapi.json with the caller's origin", async () => {
    const res = GET(new Request("https://switchboard.example/api/v1/openapi.json"));
    const served = await res.json();
    expect(served).toMatchObject({ openapi: "3.1.0", servers: [{ url: "https://switchboard.example" }] });
  });
});

describe.each(API_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (_name, route) => {
  it("every schema converts to JSON Schema", () => {
    for (const schema of [route.params, route.query, route.body]) if (schema) expect(() => toJsonSchema(schema, "input")).not.toThrow();
    expect(() => toJsonSchema(successEnvelopeSchema(route.response), "output")).not.toThrow();
  });

  it("its documented examples are valid against its own schemas", () => {
    const { example } = route;
    if (route.params) expect(route.params.safeParse(example.params).error).toBeUndefined();
    else expect(example.params).toBeUndefined();
    if (route.query) expect(route.query.safeParse(example.query ?? {}).error).toBeUndefined();
    if (route.body) expect(route.body.safeParse(example.body).error).toBeUndefined();
    else expect(example.body).toBeUndefined();
    expect(route.response.safeParse(example.response).error).toBeUndefined();
  });
});
