/**
 * PetPooja item / add-on stock on-off from our side (86). The reference only documents the
 * PetPooja → partner call [ref §2.6: `{restID, inStock, type:"item"|"addon", itemID:{"0":…},
 * autoTurnOnTime:""|"endofday"|"custom", customTurnOnTime}`]; the partner → PetPooja endpoint is
 * UNCONFIRMED, so its path is the `endpoints.item_stock` setting and the body mirrors §2.6 with
 * our credentials added like every other partner call [ref §2.2]. Variations are sent as items
 * (PetPooja orders name a variation by its own id [ref §2.3]).
 */
import type { AdapterContext, AvailabilityPush } from "../types";
import { callPetpooja, endpointUrl } from "./error-map";
import { petpoojaSettingsOf } from "./settings";

/** "YYYY-MM-DD HH:mm:ss" in the restaurant's zone, as PetPooja's other timestamps [ref §2.2]. */
function localTimestamp(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? "00";
  return `${p("year")}-${p("month")}-${p("day")} ${p("hour")}:${p("minute")}:${p("second")}`;
}

export function toItemStockBody(s: ReturnType<typeof petpoojaSettingsOf>, input: AvailabilityPush) {
  const snooze = !input.available && input.snoozedUntil;
  return {
    app_key: s.app_key,
    app_secret: s.app_secret,
    access_token: s.access_token,
    restID: s.restID,
    inStock: input.available,
    type: input.targetType === "modifier" ? "addon" : "item",
    // [ref §2.6] An index-keyed object, not an array.
    itemID: { "0": input.externalId },
    autoTurnOnTime: snooze ? "custom" : "",
    customTurnOnTime: snooze ? localTimestamp(input.snoozedUntil!, s.timezone) : "",
  };
}

export async function setPetpoojaAvailability(ctx: AdapterContext, input: AvailabilityPush): Promise<void> {
  const s = petpoojaSettingsOf(ctx, ctx.platformConfig);
  await callPetpooja({
    op: "item_stock",
    url: endpointUrl(ctx.baseUrl, s.endpoints.item_stock),
    body: toItemStockBody(s, input),
    timeoutMs: ctx.timeoutMs,
    settings: s,
  });
}
