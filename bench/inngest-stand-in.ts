/**
 * A stand-in for the Inngest event API, for benches: accepts `POST /e/<key>` with one event or
 * an array and answers as Inngest does (`{ ids, status }`); `GET /count` says how many events
 * came in. Run as its own process so its work does not slow the load generator, as a remote
 * Inngest would not. Prints its URL on stdout.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

let events = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let ids: string[] = [];
    if (req.method === "POST") {
      const body = JSON.parse(Buffer.concat(chunks).toString() || "[]") as unknown;
      const n = Array.isArray(body) ? body.length : 1;
      ids = Array.from({ length: n }, (_, i) => `bench-${events + i}`);
      events += n;
    } else if (req.url === "/count") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ events }));
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ids, status: 200 }));
  });
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
