import { env } from "~/env";
import { getProvider } from "./registry";
import { petpoojaRuntimeFromEnv } from "./petpooja/runtime";
import { squareRuntimeFromEnv } from "./square/runtime";
import { touchbistroRuntimeFromEnv } from "./touchbistro/runtime";
import type { AppCredentials } from "./types";

export type ProviderRuntime = { baseUrl: string; app: AppCredentials; sandbox: boolean };

type Global = { __switchboardSandboxes?: Map<string, Omit<ProviderRuntime, "sandbox">> };
const sandboxes = ((globalThis as Global).__switchboardSandboxes ??= new Map());

/**
 * Point a provider at its local fake (dev sandbox, e2e, tests). The adapter code is unchanged:
 * only the base URL and app credentials differ.
 */
export function registerSandbox(providerId: string, rt: Omit<ProviderRuntime, "sandbox">) {
  sandboxes.set(providerId, rt);
}

export function clearSandboxes() {
  sandboxes.clear();
}

/** Where and as which app we talk to a provider. */
export function providerRuntime(providerId: string): ProviderRuntime {
  const sandbox = sandboxes.get(providerId);
  if (sandbox) return { ...sandbox, sandbox: true };
  getProvider(providerId); // unknown id → NOT_FOUND
  const fromEnv: Record<string, () => Omit<ProviderRuntime, "sandbox">> = {
    square: () => squareRuntimeFromEnv(env),
    petpooja: () => petpoojaRuntimeFromEnv(env),
    touchbistro: () => touchbistroRuntimeFromEnv(env),
  };
  return { ...fromEnv[providerId]!(), sandbox: false };
}
