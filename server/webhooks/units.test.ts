import { describe, expect, it } from "vitest";
import { readRawBody } from "./read-body";
import { redactHeaders, redactPayload, storable } from "./redact";
import { parseWebhookPath } from "./routing";
import { dedupeKeyOf } from "./store";
import { webhookBackoffMs } from "./process";

const ID = "5e8d1c3b-2a4f-4e6d-8b7c-9f0a1b2c3d4e";

describe("webhook path", () => {
  it("accepts nothing, a kind, a connection id, or kind + connection id", () => {
    expect(parseWebhookPath([])).toEqual({ kind: null, connectionId: null });
    expect(parseWebhookPath(["order-status"])).toEqual({ kind: "order-status", connectionId: null });
    expect(parseWebhookPath([ID])).toEqual({ kind: null, connectionId: ID });
    expect(parseWebhookPath(["menu-update", ID])).toEqual({ kind: "menu-update", connectionId: ID });
    expect(parseWebhookPath(["menu-update", "42"])).toBe("invalid");
    expect(parseWebhookPath(["a", "b", ID])).toBe("invalid");
  });
});

describe("redaction", () => {
  it("masks secret headers and payload fields, keeps the rest", () => {
    const h = new Headers({ "x-square-hmacsha256-signature": "abc", authorization: "Bearer x", "x-api-key": "k", "user-agent": "Square Connect v2" });
    expect(redactHeaders(h)).toEqual({ "x-square-hmacsha256-signature": "[redacted]", authorization: "[redacted]", "x-api-key": "[redacted]", "user-agent": "Square Connect v2" });
    expect(redactPayload('{"a":1,"nested":{"webhook_secret":"s","list":[{"token":"t","ok":true}]}}')).toEqual({ a: 1, nested: { webhook_secret: "[redacted]", list: [{ token: "[redacted]", ok: true }] } });
    expect(redactPayload("not json")).toBe("not json");
  });

  it("makes text storable in Postgres", () => {
    expect(storable("a\u0000b")).toBe("a\uFFFDb");
    expect(storable("abcdef", 3)).toBe("abc");
    expect(storable("id-\ud800-x")).toBe("id-\uFFFD-x");
  });
});

describe("raw body", () => {
  it("reads UTF-8 exactly and refuses more than the limit, declared or streamed", async () => {
    expect(await readRawBody(new Request("http://x/", { method: "POST", body: "héllo €" }))).toEqual({ ok: true, text: "héllo €" });
    expect(await readRawBody(new Request("http://x/", { method: "POST", body: "x".repeat(11) }), 10)).toEqual({ ok: false });
    expect(await readRawBody(new Request("http://x/", { method: "POST", headers: { "content-length": "999999" }, body: "x" }), 10)).toEqual({ ok: false });
    expect(await readRawBody(new Request("http://x/", { method: "POST" }))).toEqual({ ok: true, text: "" });
    const framed = new Request("http://x/", { method: "POST", headers: { "content-length": "10" }, body: "héllo €" });
    expect(await readRawBody(framed)).toEqual({ ok: true, text: "héllo €" });
  });
});

describe("dedupe and backoff", () => {
  it("the dedupe key is stable across id order and scoped by provider and connection", () => {
    expect(dedupeKeyOf("square", null, ["b", "a"])).toBe(dedupeKeyOf("square", null, ["a", "b"]));
    expect(dedupeKeyOf("square", ID, ["a"])).not.toBe(dedupeKeyOf("square", null, ["a"]));
    expect(dedupeKeyOf("petpooja", null, ["a"])).not.toBe(dedupeKeyOf("square", null, ["a"]));
  });

  it("backs off exponentially from 30 s, capped at an hour", () => {
    expect([1, 2, 3, 4].map(webhookBackoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(webhookBackoffMs(20)).toBe(3_600_000);
  });
});
