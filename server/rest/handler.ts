import type { z } from "zod";
import { getDb } from "~/db";
import type { Db } from "~/db/client";
import { httpStatusOf, isAppError, type AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import { resolveCaller, type ApiCaller } from "./caller";
import { fail, ok, type FieldErrors } from "./envelope";
import { fieldErrorsOf, readJsonBody, searchParamsObject } from "./validation";

export type ApiRouteConfig = {
  auth: "required" | "none";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** When given, the handler must return data of this shape (or a Response). */
  response?: z.ZodType;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiRouteContext<C extends ApiRouteConfig> = {
  req: Request;
  db: Db;
  caller: C["auth"] extends "required" ? ApiCaller : null;
  params: Parsed<C["params"]>;
  query: Parsed<C["query"]>;
  body: Parsed<C["body"]>;
};

type HandlerResult<C extends ApiRouteConfig> = C["response"] extends z.ZodType ? z.input<C["response"]> | Response : unknown;

/** What Next passes a route handler as its second argument. */
export type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * Wraps a route handler of the public REST API: resolves the caller (API key or session),
 * validates params, query and body with zod, runs the handler and answers in the envelope.
 * A plain return value becomes `ok(data)`; return `ok(data, message, 201)` for anything else.
 * Errors map through the one error table; anything unexpected is logged and answered with a
 * bare 500, never the internals.
 */
export function apiRoute<const C extends ApiRouteConfig>(
  config: C,
  handler: (ctx: ApiRouteContext<C>) => Promise<HandlerResult<C>> | HandlerResult<C>,
) {
  return async function route(req: Request, next?: NextRouteContext): Promise<Response> {
    try {
      const db = await getDb();
      const caller = config.auth === "required" ? await resolveCaller(req, db) : null;
      const inputs = await parseInputs(config, req, next);
      if (!inputs.ok) return inputs.response;
      const result = await handler({ req, db, caller, ...inputs.values } as ApiRouteContext<C>);
      return result instanceof Response ? result : ok(result ?? null);
    } catch (error) {
      return errorResponse(req, error);
    }
  };
}

type Inputs = { params: unknown; query: unknown; body: unknown };

async function parseInputs(
  config: ApiRouteConfig,
  req: Request,
  next?: NextRouteContext,
): Promise<{ ok: true; values: Inputs } | { ok: false; response: Response }> {
  const values: Inputs = { params: undefined, query: undefined, body: undefined };
  const errors: FieldErrors = {};
  const check = (key: keyof Inputs, schema: z.ZodType | undefined, raw: unknown) => {
    if (!schema) return;
    const parsed = schema.safeParse(raw);
    if (parsed.success) values[key] = parsed.data;
    else Object.assign(errors, fieldErrorsOf(parsed.error, key));
  };
  check("params", config.params, (await next?.params) ?? {});
  check("query", config.query, searchParamsObject(new URL(req.url)));
  if (config.body) {
    const body = await readJsonBody(req);
    if (!body.ok) return { ok: false, response: fail(body.status, body.message) };
    check("body", config.body, body.value);
  }
  if (Object.keys(errors).length) return { ok: false, response: fail(400, "Validation failed", errors) };
  return { ok: true, values };
}

function errorResponse(req: Request, error: unknown): Response {
  const where = { method: req.method, path: new URL(req.url).pathname };
  if (isAppError(error)) {
    const status = httpStatusOf(error);
    if (status >= 500) logger.error("rest.app_error", { ...where, code: error.code, error });
    return fail(status, error.message, fieldErrorsFrom(error), headersFor(error, status));
  }
  logger.error("rest.unhandled_error", { ...where, error });
  return fail(500, "Internal error");
}

/** Domain code may attach safe field errors as `details.fieldErrors` (the tRPC side reads the same). */
function fieldErrorsFrom(error: AppError): FieldErrors | undefined {
  const fe = error.details?.fieldErrors;
  return fe && typeof fe === "object" ? (fe as FieldErrors) : undefined;
}

function headersFor(error: AppError, status: number): HeadersInit | undefined {
  // RFC 6750 §3: a 401 names the scheme the client should use.
  if (status === 401) return { "www-authenticate": 'Bearer realm="switchboard"' };
  if (status === 429 && error.retryAfterMs) return { "retry-after": String(Math.ceil(error.retryAfterMs / 1000)) };
  return undefined;
}
