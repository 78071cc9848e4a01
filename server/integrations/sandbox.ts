import { logger } from "~/server/logger";
import { registerSandbox } from "./runtime";
import { startSquareSandbox } from "./square/sandbox";

/**
 * Development and e2e: start every provider's fake in this process and point the adapters
 * at them, so a seller can connect a "sandbox" restaurant and send test orders end to end
 * with no vendor account. Nothing here runs in production unless PROVIDER_SANDBOX is set.
 */
export async function startSandboxes(basePort: number) {
  const square = await startSquareSandbox(basePort);
  registerSandbox("square", square.runtime);
  logger.info("sandbox.started", { square: square.fake.url });
  return { square: square.fake };
}
