/**
 * A recording HTTP proxy for the privacy e2e test: every request the browser makes goes through it (plain
 * requests as absolute URIs, TLS as CONNECT, WebSocket upgrades). Requests to `allowOrigin` (the fixture server)
 * are forwarded; anything else is recorded and refused, so nothing leaves the machine.
 */
import type { IncomingMessage } from "node:http";
import { createServer, request } from "node:http";
import type { Duplex } from "node:stream";

export type ProxiedRequest = {
  method: string;
  url: string;
  kind: "http" | "connect" | "upgrade";
  at: number;
  body?: string;
};
export type RecordingProxy = { port: number; records: ProxiedRequest[]; close(): Promise<void> };

export async function startRecordingProxy(allowOrigin: string): Promise<RecordingProxy> {
  const records: ProxiedRequest[] = [];
  const allowed = new URL(allowOrigin);
  const sockets = new Set<Duplex>();
  const server = createServer((req, res) => {
    const url = req.url ?? "";
    records.push({ method: req.method ?? "", url, kind: "http", at: Date.now() });
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return void res.writeHead(400).end("absolute URI expected");
    }
    if (target.origin !== allowed.origin) {
      // Keep the start of a refused request's body: it tells whose request it was.
      const record = records[records.length - 1]!;
      let body = "";
      req.on("data", (chunk: Buffer) => {
        if (body.length < 2000) body += chunk.toString("utf8");
      });
      req.on("end", () => {
        record.body = body.slice(0, 2000);
        res.writeHead(502).end("refused by the test proxy");
      });
      return;
    }
    const upstream = request(
      {
        host: allowed.hostname,
        port: allowed.port,
        method: req.method,
        path: target.pathname + target.search,
        headers: req.headers,
      },
      (reply: IncomingMessage) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const refuse = (kind: "connect" | "upgrade") => (req: IncomingMessage, socket: Duplex) => {
    records.push({ method: req.method ?? "", url: req.url ?? "", kind, at: Date.now() });
    socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
  };
  server.on("connect", refuse("connect"));
  server.on("upgrade", refuse("upgrade"));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    records,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
