import { AppError } from "~/server/errors";
import { petpoojaProvider } from "./petpooja";
import { squareProvider } from "./square";
import { touchbistroProvider } from "./touchbistro";
import type { ProviderModule } from "./types";

/** Provider id → module. Hand-written and typed: adding a POS is one line here. */
const PROVIDERS = {
  square: squareProvider,
  petpooja: petpoojaProvider,
  touchbistro: touchbistroProvider,
} satisfies Record<string, ProviderModule>;

export type ProviderId = keyof typeof PROVIDERS;

export const providerIds = Object.keys(PROVIDERS) as ProviderId[];

export function isProviderId(id: string): id is ProviderId {
  return Object.hasOwn(PROVIDERS, id);
}

export function getProvider(id: string): ProviderModule {
  if (!isProviderId(id)) throw new AppError("NOT_FOUND", `Unknown provider "${id}"`);
  return PROVIDERS[id];
}

export function listProviders(): ProviderModule[] {
  return providerIds.map((id) => PROVIDERS[id]);
}
