import { describe, expect, it } from "vitest";
import { startSquareSandbox } from "./sandbox";

describe("Square sandbox", () => {
  it("subscribes the fake to our webhook route with a key the ingress is given", async () => {
    const { fake, runtime } = await startSquareSandbox(0, { appUrl: "http://127.0.0.1:3100/" });
    try {
      expect(runtime.app.extra).toEqual({ webhookSignatureKey: expect.stringMatching(/^sandbox-sig-/), webhookUrl: "http://127.0.0.1:3100/api/webhooks/square" });
      expect(fake.state.subscriptions).toEqual([{ notificationUrl: "http://127.0.0.1:3100/api/webhooks/square", signatureKey: runtime.app.extra!.webhookSignatureKey }]);
    } finally {
      await fake.close();
    }
  });

  it("without an app URL (benches) it subscribes nothing", async () => {
    const { fake, runtime } = await startSquareSandbox(0);
    try {
      expect(fake.state.subscriptions).toEqual([]);
      expect(runtime.app).not.toHaveProperty("extra");
    } finally {
      await fake.close();
    }
  });
});
