/** TouchBistro's provider module, as the registry imports it. No webhooks: status is polled. */
import type { ProviderModule } from "../types";
import { touchbistroAdapter } from "./client";
import { metadata } from "./provider";

export const touchbistroProvider: ProviderModule = {
  metadata,
  adapter: touchbistroAdapter,
};

export default touchbistroProvider;
