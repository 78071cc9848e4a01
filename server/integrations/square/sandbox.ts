import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_CLIENT_SECRET, startFakeSquare } from "./fake";

/** Square's local fake as a sandbox: its URL and the demo app credentials it accepts. */
export async function startSquareSandbox(port: number) {
  const fake = await startFakeSquare({ port });
  return { fake, runtime: { baseUrl: fake.url, app: { clientId: FAKE_SQUARE_CLIENT_ID, clientSecret: FAKE_SQUARE_CLIENT_SECRET } } };
}
