import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "./keyring";
import { needsRotation, open, seal } from "./vault";

const k = () => randomBytes(32).toString("base64");
const ring = parseKeyring(`a:${k()}`);

describe("vault", () => {
  it("round-trips a value and never stores it in the clear", () => {
    const secret = { accessToken: "EAAA-super-secret-token", refreshToken: "r1" };
    const sealed = seal(secret, "connection:1", ring);
    expect(sealed.keyId).toBe("a");
    expect(sealed.ciphertext).not.toContain("super-secret");
    expect(open(sealed, "connection:1", ring)).toEqual(secret);
  });

  it("uses a fresh IV: sealing twice gives different ciphertexts", () => {
    expect(seal("x", "c", ring).ciphertext).not.toBe(seal("x", "c", ring).ciphertext);
  });

  it("refuses a ciphertext moved to another row (context is authenticated)", () => {
    const sealed = seal({ t: 1 }, "connection:1", ring);
    expect(() => open(sealed, "connection:2", ring)).toThrow(/could not open/);
  });

  it("detects tampering", () => {
    const sealed = seal({ t: 1 }, "c", ring);
    const parts = sealed.ciphertext.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => open({ ...sealed, ciphertext: parts.join(".") }, "c", ring)).toThrow(/could not open/);
  });

  it("rotates: new values use the first key, old ones still open", () => {
    const oldRing = parseKeyring(`old:${k()}`);
    const sealedOld = seal("v", "c", oldRing);
    const rotated = parseKeyring(`new:${k()},old:${[...oldRing.keys.values()][0]!.toString("base64")}`);
    expect(open(sealedOld, "c", rotated)).toBe("v");
    expect(needsRotation(sealedOld, rotated)).toBe(true);
    expect(seal("v", "c", rotated).keyId).toBe("new");
  });

  it("rejects malformed key specs with a message naming the key", () => {
    expect(() => parseKeyring("bad:AAAA")).toThrow(/"bad" must be 32 bytes/);
    expect(() => parseKeyring("")).toThrow(/no keys/);
    expect(() => open({ ciphertext: "v1.a.b.c", keyId: "zzz" }, "c", ring)).toThrow(/"zzz" is not configured/);
  });
});
