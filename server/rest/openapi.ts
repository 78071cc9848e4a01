/**
 * The OpenAPI 3.1 document of the public REST API, generated from the route list with zod 4's
 * own JSON Schema conversion (3.1 schemas are JSON Schema 2020-12, so nothing is translated).
 * @see https://spec.openapis.org/oas/v3.1.0
 * @see https://zod.dev/json-schema
 */
import { z } from "zod";
import { API_ROUTES, ERROR_DESCRIPTIONS, type ErrorStatus, type RouteSpec } from "./routes";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

/** Requests are documented as clients send them (before defaults and coercion), responses as we send them. */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "throw" });
  return rest;
}

/** One OpenAPI parameter per property of a params or query object schema. */
function parametersOf(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = toJsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...propSchema } = prop;
    return {
      name,
      in: where,
      // Path parameters are always required in OpenAPI.
      required: where === "path" || (json.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: propSchema,
    };
  });
}

const SECURITY = [{ apiKey: [] }, { session: [] }];

function operationOf(route: RouteSpec) {
  const successSchema = toJsonSchema(successEnvelopeSchema(route.response), "output");
  const example = { success: true, data: route.example.response, message: route.example.message ?? null };
  return {
    operationId: route.id,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    security: route.auth === "required" ? SECURITY : [],
    parameters: [...parametersOf(route.params, "path"), ...parametersOf(route.query, "query")],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toJsonSchema(route.body, "input"), example: route.example.body } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        route.successes.map(({ status, description }) => [
          String(status),
          { description, content: { "application/json": { schema: successSchema, example } } },
        ]),
      ),
      ...Object.fromEntries(route.errors.map((status) => [String(status), { $ref: `#/components/responses/${errorName(status)}` }])),
    },
  };
}

const errorName = (status: ErrorStatus) => ERROR_DESCRIPTIONS[status].title.replaceAll(" ", "");

function errorResponses() {
  const statuses = Object.keys(ERROR_DESCRIPTIONS).map(Number) as ErrorStatus[];
  return Object.fromEntries(
    statuses.map((status) => {
      const { title, description } = ERROR_DESCRIPTIONS[status];
      const headers =
        status === 401
          ? { "WWW-Authenticate": { description: "Always `Bearer`", schema: { type: "string" } } }
          : status === 429
            ? { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } }
            : undefined;
      return [
        errorName(status),
        {
          description: `${title}: ${description}`,
          ...(headers ? { headers } : {}),
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/ErrorEnvelope" },
              example: { success: false, data: null, message: status === 400 ? "Validation failed" : title },
            },
          },
        },
      ];
    }),
  );
}

export function buildOpenApiDocument(opts: { serverUrl?: string } = {}, routes: RouteSpec[] = API_ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchboard API",
      version: "1.0.0",
      description:
        "Send marketplace orders to restaurants' POS systems and manage POS integrations. Every response is a JSON envelope `{ success, data, message }`; money is integer minor units with an ISO 4217 currency. Human-readable docs: /docs/api.",
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "sb_live_…",
          description: "An API key from Settings → API keys, sent as `Authorization: Bearer sb_live_…`. Keys act for their organization.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description:
            "The Switchboard web session (`__Secure-authjs.session-token` over HTTPS), for calls from the signed-in app. The `sb_org` cookie picks the organization. Ignored when an Authorization header is sent.",
        },
      },
      schemas: { ErrorEnvelope: toJsonSchema(errorEnvelopeSchema, "output") },
      responses: errorResponses(),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
