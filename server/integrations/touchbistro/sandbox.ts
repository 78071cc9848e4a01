import type { AppCredentials } from "../types";
import { FAKE_TOUCHBISTRO_PARTNER, startFakeTouchbistro } from "./fake";

/** The platform (partner) credentials the fake accepts, in the AppCredentials layout the adapter reads. */
export const FAKE_TOUCHBISTRO_APP_CREDENTIALS: AppCredentials = {
  clientId: FAKE_TOUCHBISTRO_PARTNER.partner_id,
  clientSecret: FAKE_TOUCHBISTRO_PARTNER.api_key,
};

/** TouchBistro's local fake as a sandbox: its URL and the demo partner credentials. */
export async function startTouchbistroSandbox(port: number) {
  const fake = await startFakeTouchbistro({ port });
  return { fake, runtime: { baseUrl: fake.url, app: FAKE_TOUCHBISTRO_APP_CREDENTIALS } };
}
