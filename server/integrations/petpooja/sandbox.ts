import type { AppCredentials } from "../types";
import { FAKE_PETPOOJA_APP, startFakePetpooja } from "./fake";
import { PETPOOJA_EXTRA_KEYS } from "./settings";

/** The platform credentials the fake accepts, in the AppCredentials layout the adapter reads. */
export const FAKE_PETPOOJA_APP_CREDENTIALS: AppCredentials = {
  clientId: FAKE_PETPOOJA_APP.app_key,
  clientSecret: FAKE_PETPOOJA_APP.app_secret,
  extra: { [PETPOOJA_EXTRA_KEYS.accessToken]: FAKE_PETPOOJA_APP.access_token },
};

/** PetPooja's local fake as a sandbox: its URL (with the /V1 stage) and the demo credentials. */
export async function startPetpoojaSandbox(port: number) {
  const fake = await startFakePetpooja({ port });
  return { fake, runtime: { baseUrl: fake.url, app: FAKE_PETPOOJA_APP_CREDENTIALS } };
}
