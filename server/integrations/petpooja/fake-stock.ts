/**
 * The PetPooja fake's item / add-on stock endpoint (`endpoints.item_stock`, UNCONFIRMED path, body
 * as ref §2.6). Keeps each id's last on/off per restaurant and flips `in_stock` / `active` in the
 * fake menu, so a menu fetch after an 86 shows it.
 */
import type { FakePetpoojaState } from "./fake";

type Json = Record<string, unknown>;
export type FakeStockEntry = { restID: string; id: string; type: "item" | "addon"; inStock: boolean; autoTurnOnTime: string; customTurnOnTime: string; at: string };
type Reply = { status: number; json: unknown };

const stock = new WeakMap<FakePetpoojaState, FakeStockEntry[]>();

/** Every on/off the fake received, oldest first. */
export function fakeStockChanges(state: FakePetpoojaState): FakeStockEntry[] {
  let list = stock.get(state);
  if (!list) stock.set(state, (list = []));
  return list;
}

export function itemStock(state: FakePetpoojaState, body: Json, credentialsOk: (b: Json) => boolean, authFailure: () => Reply): Reply {
  if (!credentialsOk(body)) return authFailure();
  const restID = typeof body.restID === "string" ? body.restID : "";
  const menu = state.restaurants.get(restID);
  if (!menu) return { status: 200, json: { success: "0", message: "There were some error in restaurant mapping.", errorCode: "MS_101" } };
  const type = body.type === "addon" ? "addon" : body.type === "item" ? "item" : null;
  const raw = body.itemID;
  const ids = (typeof raw === "object" && raw !== null ? Object.values(raw) : []).filter((x): x is string => typeof x === "string" && !!x);
  if (!type || typeof body.inStock !== "boolean" || !ids.length) {
    return { status: 200, json: { success: "0", message: "type, inStock and itemID are required.", errorCode: state.quirks.validationErrorCode } };
  }
  const at = new Date().toISOString();
  for (const id of ids) {
    fakeStockChanges(state).push({ restID, id, type, inStock: body.inStock, autoTurnOnTime: String(body.autoTurnOnTime ?? ""), customTurnOnTime: String(body.customTurnOnTime ?? ""), at });
    flipInMenu(menu, type, id, body.inStock);
  }
  return { status: 200, json: { success: "1", message: "Stock status updated successfully." } };
}

function flipInMenu(menu: Json, type: "item" | "addon", id: string, inStock: boolean) {
  const flag = inStock ? "1" : "0";
  if (type === "item") {
    for (const item of (menu.items as Json[] | undefined) ?? []) {
      if (item.itemid === id) item.in_stock = inStock ? "2" : "0";
      for (const v of (item.variation as Json[] | undefined) ?? []) if (v.id === id) v.active = flag;
    }
    return;
  }
  for (const g of (menu.addongroups as Json[] | undefined) ?? []) {
    for (const a of (g.addongroupitems as Json[] | undefined) ?? []) if (a.addonitemid === id) a.active = flag;
  }
}
