/**
 * The PetPooja PosAdapter over plain fetch (there is no SDK [ref §2.7]). Reaches PetPooja only
 * through `ctx.baseUrl` and the configured endpoints, so the same code talks to PetPooja, its
 * sandbox and our fake.
 *
 * Idempotency: PetPooja has no idempotency key and no order read API. Our order id goes out as
 * `Order.details.orderID` (PetPooja's clientOrderID) and IS the posOrderId we store: a retry
 * after an ambiguous timeout resends the same clientOrderID, and PetPooja's duplicate rejection
 * (shape UNCONFIRMED [ref §2.2], matched by `error_codes.duplicate` / `duplicate_message`) is
 * read as "already saved". Cancels go by clientorderID too [ref §2.5], so PetPooja's own numeric
 * orderID is only kept in the attempt summary.
 */
import { AppError, isAppError } from "~/server/errors";
import type { AdapterContext, CanonicalOrder, HealthResult, PosAdapter, PushOrderResult } from "../types";
import { callPetpooja, endpointUrl } from "./error-map";
import { clientOrderIdOf, toSaveOrderBody } from "./mapper";
import { normalizePetpoojaMenu } from "./menu";
import type { PetpoojaSettings } from "./provider";
import { petpoojaSettingsOf } from "./settings";
import { setPetpoojaAvailability } from "./availability";

const credentials = (s: PetpoojaSettings) => ({ app_key: s.app_key, app_secret: s.app_secret, access_token: s.access_token });

/** A rejection that means "this clientOrderID is already saved". */
export function isDuplicateOrderError(err: unknown, s: Pick<PetpoojaSettings, "error_codes">): boolean {
  if (!isAppError(err) || err.code !== "PROVIDER_REJECTED") return false;
  const code = err.details?.vendorCode;
  if (typeof code === "string" && s.error_codes.duplicate.includes(code)) return true;
  const message = typeof err.details?.vendorMessage === "string" ? err.details.vendorMessage.toLowerCase() : "";
  return !!message && s.error_codes.duplicate_message.some((m) => message.includes(m.toLowerCase()));
}

async function pushOrder(ctx: AdapterContext, order: CanonicalOrder, opts: { idempotencyKey: string }): Promise<PushOrderResult> {
  const s = petpoojaSettingsOf(ctx, ctx.platformConfig);
  const body = toSaveOrderBody(order, { settings: s });
  const clientOrderID = clientOrderIdOf(order, s);
  const summary = { clientOrderID, restID: s.restID, total: order.totals.total, currency: order.currency, idempotencyKey: opts.idempotencyKey };
  try {
    const res = await callPetpooja({ op: "save_order", url: endpointUrl(ctx.baseUrl, s.endpoints.save_order), body, timeoutMs: ctx.timeoutMs, settings: s });
    if (res.clientOrderID !== undefined && String(res.clientOrderID) !== clientOrderID) {
      throw new AppError("PROVIDER_UNAVAILABLE", `PetPooja save_order echoed clientOrderID ${String(res.clientOrderID)}, expected ${clientOrderID}`, {
        details: { httpStatus: 200, vendorCode: "CLIENT_ORDER_ID_MISMATCH" },
      });
    }
    return { posOrderId: clientOrderID, summary: { ...summary, petpoojaOrderId: res.orderID === undefined ? null : String(res.orderID) } };
  } catch (err) {
    if (isDuplicateOrderError(err, s)) return { posOrderId: clientOrderID, summary: { ...summary, duplicate: true } };
    throw err;
  }
}

/** [ref §2.5] update_order_status with status "-1"; `orderID` blank ("will be deprecated"), ours as clientorderID. */
async function cancelOrder(ctx: AdapterContext, posOrderId: string, opts: { idempotencyKey: string; reason?: string }): Promise<void> {
  const s = petpoojaSettingsOf(ctx, ctx.platformConfig);
  await callPetpooja({
    op: "update_order_status",
    url: endpointUrl(ctx.baseUrl, s.endpoints.update_order_status),
    body: { ...credentials(s), restID: s.restID, orderID: "", clientorderID: posOrderId, cancelReason: opts.reason?.trim() || "Cancelled by the marketplace", status: "-1" },
    timeoutMs: ctx.timeoutMs,
    settings: s,
  });
}

async function fetchMenu(ctx: AdapterContext) {
  const s = petpoojaSettingsOf(ctx, ctx.platformConfig);
  const inHeaders = s.menu_credentials === "headers";
  return callPetpooja({
    op: "mapped_restaurant_menus",
    url: endpointUrl(ctx.baseUrl, s.endpoints.fetch_menu),
    body: inHeaders ? { restID: s.restID } : { ...credentials(s), restID: s.restID },
    headers: inHeaders ? { "app-key": s.app_key, "app-secret": s.app_secret, "access-token": s.access_token } : undefined,
    timeoutMs: ctx.timeoutMs,
    settings: s,
  });
}

/** The menu fetch is PetPooja's only read call: it proves credentials, mapping code and reachability. */
async function healthCheck(ctx: AdapterContext): Promise<HealthResult> {
  const started = performance.now();
  try {
    await fetchMenu(ctx);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    const detail = isAppError(err) ? `${err.code}: ${err.message}` : "unexpected error";
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail };
  }
}

export const petpoojaAdapter: PosAdapter = {
  pushOrder,
  cancelOrder,
  // One request returns the whole menu, so a result is always complete [ref §2.3].
  fetchMenu: async (ctx) => normalizePetpoojaMenu(await fetchMenu(ctx)),
  healthCheck,
  setAvailability: setPetpoojaAvailability,
};
