/** Square's provider module, as the registry imports it. */
import type { ProviderModule } from "../types";
import { squareAdapter } from "./client";
import { squareOAuth } from "./oauth";
import { metadata } from "./provider";
import { squareIngress } from "./webhook-profile";
import { squareWebhooks } from "./webhooks";

export const squareProvider: ProviderModule = {
  metadata,
  adapter: squareAdapter,
  oauth: squareOAuth,
  webhooks: squareWebhooks,
  ingress: squareIngress,
};

export default squareProvider;
