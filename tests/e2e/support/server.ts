/** A static server for the fixture pages on 127.0.0.1 (random port); records every request it sees. */
import type { Server } from "node:http";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

export const PAGES_DIR = join(import.meta.dirname, "..", "..", "fixtures", "pages");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

export type FixtureServer = { origin: string; url(path: string): string; requests: string[]; close(): Promise<void> };

/** `host` is 127.0.0.1 by default; another loopback address (127.0.0.2) serves pages the extension does not match. */
export async function startServer(root = PAGES_DIR, host = "127.0.0.1"): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res
        .writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-store",
        })
        .end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, "")}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
