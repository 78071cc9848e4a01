import { getProvider, isProviderId } from "~/server/integrations/registry";
import type { IngressProfile } from "~/server/integrations/types";

const DEFAULT_PROFILE: IngressProfile = { signing: "connection" };

/** The provider's own ingress profile (in its folder), or per-restaurant secrets by default. */
export function ingressProfile(providerId: string): IngressProfile {
  return (isProviderId(providerId) ? getProvider(providerId).ingress : undefined) ?? DEFAULT_PROFILE;
}
