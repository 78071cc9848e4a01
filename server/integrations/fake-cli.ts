/**
 * Runs a provider's fake for manual use: `tsx server/integrations/fake-cli.ts square [--port 4010]`.
 * Point the provider's base URL at the printed URL and connect with the printed demo app
 * credentials. Ctrl-C stops it.
 */
import { FAKE_PETPOOJA_APP, FAKE_PETPOOJA_REST_ID, startFakePetpooja } from "./petpooja/fake";
import { FAKE_SQUARE_CLIENT_ID, FAKE_SQUARE_CLIENT_SECRET, startFakeSquare } from "./square/fake";
import { FAKE_TOUCHBISTRO_LOCATION, FAKE_TOUCHBISTRO_PARTNER, startFakeTouchbistro } from "./touchbistro/fake";

type Running = { url: string; close(): Promise<void>; lines: string[] };

const FAKES: Record<string, (port: number) => Promise<Running>> = {
  async petpooja(port) {
    const fake = await startFakePetpooja({ port });
    return {
      url: fake.url,
      close: () => fake.close(),
      lines: [
        `app key:       ${FAKE_PETPOOJA_APP.app_key}`,
        `app secret:    ${FAKE_PETPOOJA_APP.app_secret}`,
        `access token:  ${FAKE_PETPOOJA_APP.access_token}`,
        `restID:        ${FAKE_PETPOOJA_REST_ID}`,
      ],
    };
  },
  async square(port) {
    const fake = await startFakeSquare({ port });
    const token = fake.issueToken();
    return {
      url: fake.url,
      close: () => fake.close(),
      lines: [
        `client id:     ${FAKE_SQUARE_CLIENT_ID}`,
        `client secret: ${FAKE_SQUARE_CLIENT_SECRET}`,
        // A token of the fake, not Square's: lets you call /v2 with curl without the OAuth dance.
        `demo token:    ${token.accessToken} (merchant ${token.merchantId})`,
        `authorize:     ${fake.url}/oauth2/authorize?client_id=${FAKE_SQUARE_CLIENT_ID}&scope=ORDERS_WRITE&state=demo&redirect_uri=<your callback>`,
      ],
    };
  },
  async touchbistro(port) {
    const fake = await startFakeTouchbistro({ port });
    return {
      url: fake.url,
      close: () => fake.close(),
      lines: [
        `partner id:     ${FAKE_TOUCHBISTRO_PARTNER.partner_id}`,
        `api key:        ${FAKE_TOUCHBISTRO_PARTNER.api_key}`,
        `location id:    ${FAKE_TOUCHBISTRO_LOCATION.id}`,
        `location token: ${FAKE_TOUCHBISTRO_LOCATION.token}`,
        `move an order:  curl -XPOST ${fake.url}/__fake/orders/<id>/status -d '{"status":"ready"}'`,
      ],
    };
  },
};

function parseArgs(argv: string[]): { provider?: string; port: number } {
  const [provider, ...rest] = argv;
  const portFlag = rest.indexOf("--port");
  const port = portFlag >= 0 ? Number(rest[portFlag + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${rest[portFlag + 1]}`);
  return { provider, port };
}

async function main(): Promise<void> {
  const { provider, port } = parseArgs(process.argv.slice(2));
  const start = provider ? FAKES[provider] : undefined;
  if (!start) {
    console.error(`usage: tsx server/integrations/fake-cli.ts <${Object.keys(FAKES).join("|")}> [--port 4010]`);
    process.exit(2);
  }
  const running = await start(port);
  console.log(`fake ${provider} listening on ${running.url}`);
  for (const line of running.lines) console.log(`  ${line}`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
