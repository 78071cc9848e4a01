import { afterAll, describe, expect, it } from "vitest";
import { defaultChannels, overrideTwilio } from "./index";
import { startTwilioSandbox } from "./sandbox";

let close: (() => Promise<void>) | undefined;
afterAll(async () => {
  overrideTwilio(null);
  await close?.();
});

describe("Twilio sandbox", () => {
  it("without a Twilio account, points the default SMS/WhatsApp channels at the local fake", async () => {
    const fake = await startTwilioSandbox();
    expect(fake).not.toBeNull();
    close = fake!.close;
    const { sms, whatsapp } = defaultChannels();
    await sms!.send({ id: "n1", recipient: "+14155550111", title: "t", body: "Hello by SMS" });
    await whatsapp!.send({ id: "n2", recipient: "+14155550112", title: "t", body: "Hello by WhatsApp" });
    expect(fake!.messages.map((m) => [m.to, m.body])).toEqual([
      ["+14155550111", "Hello by SMS"],
      ["whatsapp:+14155550112", "Hello by WhatsApp"],
    ]);
  });
});
