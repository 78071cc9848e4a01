import { describe, expect, it } from "vitest";
import { curlExample, exampleResponse, fieldRows } from "./docs";
import { createOrderRoute, listRestaurantsRoute, posHistoryRoute } from "./routes";

describe("docs helpers", () => {
  it("flattens nested body fields with their constraints", () => {
    const rows = fieldRows(createOrderRoute);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName["restaurant_id"]).toMatchObject({ in: "body", type: "uuid", required: true });
    expect(byName["customer.name"]).toMatchObject({ type: "string", required: true });
    expect(byName["customer.phone"]?.required).toBe(false);
    expect(byName["items"]).toMatchObject({ type: "array of object", constraints: ["1–200 items"] });
    expect(byName["items[].quantity"]).toMatchObject({ type: "integer", required: true, constraints: ["1–999"] });
    expect(byName["items[].modifiers[].price"]?.type).toBe("integer");
    expect(byName["type"]?.constraints).toEqual(['"delivery" | "pickup" | "dine_in"']);
    expect(byName["delivery_address"]?.type).toBe("object of strings");
  });

  it("lists path and query parameters with defaults", () => {
    const rows = fieldRows(posHistoryRoute);
    expect(rows.map((r) => `${r.in}:${r.name}`)).toEqual(["path:businessId", "query:limit", "query:offset", "query:status"]);
    expect(rows.find((r) => r.name === "limit")?.constraints).toEqual(["1–200", "default 50"]);
    expect(fieldRows(listRestaurantsRoute)).toEqual([]);
  });

  it("builds curl commands with the key placeholder, path params and a JSON body", () => {
    expect(curlExample(posHistoryRoute)).toBe(
      `curl "$SWITCHBOARD_URL/api/v1/pos/history/7f3c2a9e-4b1d-4c8e-9a2f-1d5e6b7c8a90?limit=50&offset=0" \\\n  -H "Authorization: Bearer sb_live_…"`,
    );
    const post = curlExample(createOrderRoute);
    expect(post).toContain(`curl -X POST "$SWITCHBOARD_URL/api/v1/orders"`);
    expect(post).toContain(`-H "Content-Type: application/json"`);
    expect(post).toContain(`"external_id": "MM-100234"`);
    expect(JSON.parse(exampleResponse(createOrderRoute))).toMatchObject({ success: true, message: "Order received" });
  });
});
