import { env } from "~/env";
import { logger } from "~/server/logger";
import { registerSandbox } from "./runtime";
import { startPetpoojaSandbox } from "./petpooja/sandbox";
import { startSquareSandbox } from "./square/sandbox";
import { startTouchbistroSandbox } from "./touchbistro/sandbox";
import { startTwilioSandbox } from "~/server/notifications/channels/sandbox";

/**
 * Development and e2e: start every provider's fake in this process and point the adapters
 * at them, so a seller can connect a "sandbox" restaurant and send test orders end to end
 * with no vendor account. Nothing here runs in production unless PROVIDER_SANDBOX is set.
 */
export async function startSandboxes(basePort: number) {
  // The fake's webhook subscription points at this app's own /api/webhooks/square.
  const square = await startSquareSandbox(basePort, { appUrl: env.APP_URL ?? env.AUTH_URL ?? "http://localhost:3000", webhookUrl: env.SQUARE_WEBHOOK_URL });
  registerSandbox("square", square.runtime);
  // PetPooja's fake on the next port (or a free one when basePort is 0).
  const petpooja = await startPetpoojaSandbox(basePort ? basePort + 1 : 0);
  registerSandbox("petpooja", petpooja.runtime);
  // TouchBistro's fake on the one after (status is polled from it: server/polling).
  const touchbistro = await startTouchbistroSandbox(basePort ? basePort + 2 : 0);
  registerSandbox("touchbistro", touchbistro.runtime);
  // Customer SMS/WhatsApp go to a local Twilio fake unless a real account is configured.
  const twilio = await startTwilioSandbox();
  if (twilio) logger.info("sandbox.twilio_started", { twilio: twilio.url });
  logger.info("sandbox.started", { square: square.fake.url, petpooja: petpooja.fake.url, touchbistro: touchbistro.fake.url });
  return { square: square.fake, petpooja: petpooja.fake, touchbistro: touchbistro.fake };
}
