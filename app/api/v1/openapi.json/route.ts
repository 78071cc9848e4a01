import { buildOpenApiDocument } from "~/server/rest/openapi";

/** The raw OpenAPI document (no envelope): tools expect the document at the top level. */
export function GET(req: Request) {
  return Response.json(buildOpenApiDocument({ serverUrl: new URL(req.url).origin }), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
