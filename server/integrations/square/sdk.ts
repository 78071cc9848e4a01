/**
 * Builds the official SDK client for one call. Everything that decides where and how we talk to
 * Square lives here: base URL (tests and the sandbox point it at fake.ts), token, timeout,
 * Square-Version, and no SDK-level retries.
 */
import { SquareClient } from "square";
import { AppError } from "~/server/errors";
import type { AdapterContext } from "../types";
import { SQUARE_DEFAULT_VERSION, squareConfigOf } from "./provider";

export type SquareCall = { client: SquareClient; options: SquareClient.RequestOptions };

/**
 * Per-request options. `maxRetries: 0` because the SDK otherwise retries 429/5xx twice with its
 * own backoff inside our timeout budget; retries belong to our job schedule and circuit breaker
 * (DESIGN "Order sync" step 3), which also honours Retry-After.
 * `Square-Version` must be a per-request header: the SDK merges its pinned default after the
 * client-level headers, so only request headers can override it [square@46 Client.js].
 */
export function requestOptions(input: { timeoutMs: number; squareVersion?: string }): SquareClient.RequestOptions {
  return {
    maxRetries: 0,
    timeoutInSeconds: input.timeoutMs / 1000,
    headers: { "Square-Version": input.squareVersion ?? SQUARE_DEFAULT_VERSION },
  };
}

/** An authenticated client for a connection's API calls. */
export function squareFor(ctx: AdapterContext): SquareCall {
  const token = ctx.credentials.accessToken;
  // Without this check the SDK would fall back to a SQUARE_TOKEN env var: never act as someone else.
  if (!token) {
    throw new AppError("PROVIDER_AUTH", "Square connection has no access token", {
      details: { httpStatus: null, vendorCode: "NO_ACCESS_TOKEN" },
    });
  }
  const config = squareConfigOf(ctx);
  const client = new SquareClient({ baseUrl: ctx.baseUrl, token, maxRetries: 0, timeoutInSeconds: ctx.timeoutMs / 1000 });
  return { client, options: requestOptions({ timeoutMs: ctx.timeoutMs, squareVersion: config.squareVersion }) };
}

/** A client for the OAuth token endpoint, which authenticates with the app's client secret in the body. */
export function squareOAuthFor(input: { baseUrl: string; timeoutMs: number }): SquareCall {
  const client = new SquareClient({ baseUrl: input.baseUrl, auth: false, maxRetries: 0, timeoutInSeconds: input.timeoutMs / 1000 });
  return { client, options: requestOptions({ timeoutMs: input.timeoutMs }) };
}

/** The location orders go to: chosen by the seller when connecting. */
export function requireLocationId(ctx: AdapterContext): string {
  const id = ctx.connection.externalLocationId;
  if (!id) {
    throw new AppError("PROVIDER_REJECTED", "Square connection has no location selected", {
      details: { httpStatus: null, vendorCode: "NO_LOCATION" },
    });
  }
  return id;
}
