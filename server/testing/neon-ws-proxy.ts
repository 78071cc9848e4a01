import net from "node:net";
import { WebSocketServer } from "ws";

/**
 * A minimal stand-in for Neon's WebSocket proxy: each WebSocket carries one raw Postgres
 * TCP stream to the `address` the driver asks for. Lets the @neondatabase/serverless
 * driver run against a local Postgres in tests and CI.
 * @see https://github.com/neondatabase/wsproxy
 */
export async function startNeonWsProxy(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  wss.on("connection", (ws, req) => {
    const address = new URL(req.url ?? "/", "http://x").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    // Only loopback targets: this is a test fixture, never a general-purpose relay.
    if (host !== "127.0.0.1" && host !== "localhost") return ws.close(1008, "loopback only");
    const socket = net.connect(Number(port) || 5432, host);
    socket.on("data", (chunk) => ws.send(chunk));
    socket.on("close", () => ws.close());
    socket.on("error", () => ws.close());
    ws.on("message", (data) => socket.write(data as Buffer));
    ws.on("close", () => socket.destroy());
  });
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  const { port } = wss.address() as net.AddressInfo;
  return {
    url: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
