/** PetPooja's provider module, as the registry imports it. */
import type { ProviderModule } from "../types";
import { petpoojaAdapter } from "./client";
import { metadata } from "./provider";
import { petpoojaWebhooks } from "./webhooks";

export const petpoojaProvider: ProviderModule = {
  metadata,
  adapter: petpoojaAdapter,
  webhooks: petpoojaWebhooks,
};

export default petpoojaProvider;
