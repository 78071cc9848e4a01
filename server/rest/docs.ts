/**
 * What the /docs/api page shows for an endpoint, derived from its route spec: a flat table of
 * every field (from the same JSON Schema the OpenAPI document carries) and copy-paste examples.
 */
import type { z } from "zod";
import { toJsonSchema } from "./openapi";
import type { RouteSpec } from "./routes";

export type FieldRow = {
  /** Dotted path; `[]` marks array elements: `items[].modifiers[].price`. */
  name: string;
  in: "path" | "query" | "body";
  type: string;
  required: boolean;
  description?: string;
  constraints: string[];
};

type Json = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  additionalProperties?: Json | boolean;
  anyOf?: Json[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

// zod writes the JS safe-integer limits on every int; they say nothing to a reader.
const UNBOUNDED = Number.MAX_SAFE_INTEGER;
const range = (min: number | undefined, max: number | undefined, unit = "") => {
  const lo = min !== undefined && min > -UNBOUNDED ? min : undefined;
  const hi = max !== undefined && max < UNBOUNDED ? max : undefined;
  if (lo === undefined && hi === undefined) return null;
  if (lo !== undefined && hi !== undefined) return lo === hi ? `exactly ${lo}${unit}` : `${lo}–${hi}${unit}`;
  return lo !== undefined ? `≥ ${lo}${unit}` : `≤ ${hi}${unit}`;
};

function typeOf(s: Json): string {
  if (s.enum) return "enum";
  if (s.format === "uuid") return "uuid";
  if (s.format === "date-time") return "date-time";
  if (s.format === "email") return "email";
  if (s.type === "array") return `array of ${s.items ? typeOf(s.items) : "any"}`;
  if (s.type === "object" && !s.properties && s.additionalProperties) return "object of strings";
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

function constraintsOf(s: Json): string[] {
  const out = [
    s.enum ? s.enum.map((v) => JSON.stringify(v)).join(" | ") : null,
    range(s.minimum, s.maximum),
    range(s.minLength, s.maxLength, " chars"),
    range(s.minItems, s.maxItems, " items"),
    // uuid and email carry zod's own long patterns; the format already says it all.
    s.pattern && !s.format ? `pattern ${s.pattern}` : null,
    s.default !== undefined ? `default ${JSON.stringify(s.default)}` : null,
  ];
  return out.filter((c): c is string => !!c);
}

function walk(schema: Json, where: FieldRow["in"], prefix: string, rows: FieldRow[]) {
  const s = schema.anyOf?.find((a) => a.type !== "null") ?? schema;
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    const isRequired = where === "path" || (s.required ?? []).includes(key);
    rows.push({ name, in: where, type: typeOf(prop), required: isRequired, description: prop.description, constraints: constraintsOf(prop) });
    if (prop.properties) walk(prop, where, name, rows);
    if (prop.type === "array" && prop.items?.properties) walk(prop.items, where, `${name}[]`, rows);
  }
  return rows;
}

export function fieldRows(route: RouteSpec): FieldRow[] {
  const parts: [z.ZodType | undefined, FieldRow["in"]][] = [
    [route.params, "path"],
    [route.query, "query"],
    [route.body, "body"],
  ];
  return parts.flatMap(([schema, where]) => (schema ? walk(toJsonSchema(schema, "input") as Json, where, "", []) : []));
}

/** Shell-safe single quotes around a JSON body. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function examplePath(route: RouteSpec) {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(route.example.params?.[name] ?? `<${name}>`));
  const query = new URLSearchParams(Object.entries(route.example.query ?? {}).map(([k, v]) => [k, String(v)])).toString();
  return query ? `${path}?${query}` : path;
}

/** A curl command that works as pasted once SWITCHBOARD_URL and the key are filled in. */
export function curlExample(route: RouteSpec) {
  const lines = [`curl${route.method === "GET" ? "" : ` -X ${route.method}`} "$SWITCHBOARD_URL${examplePath(route)}"`];
  if (route.auth === "required") lines.push(`-H "Authorization: Bearer sb_live_…"`);
  if (route.body) lines.push(`-H "Content-Type: application/json"`, `-d ${shellQuote(JSON.stringify(route.example.body, null, 2))}`);
  return lines.join(" \\\n  ");
}

export function exampleResponse(route: RouteSpec) {
  return JSON.stringify({ success: true, data: route.example.response, message: route.example.message ?? null }, null, 2);
}
