import { chmod, rm } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { MAX_INBOUND_EMAIL_BYTES, type ServiceDeps } from "@relance/services";
import { runCli, type CliResult } from "./commands.ts";

// argv and cwd, plus what a command read on stdin (an inbound e-mail, base64)
const MAX_BODY = 64 * 1024 + Math.ceil(MAX_INBOUND_EMAIL_BYTES / 3) * 4;

/**
 * While a server holds the embedded database, CLI invocations are run inside it over a Unix socket in the data
 * directory (owner-only), so that PGlite is never opened twice.
 */
export const startAdminSocket = async (path: string, deps: ServiceDeps): Promise<Server> => {
  await rm(path, { force: true });
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/cli") {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", () => {
      let argv: unknown;
      let cwd: unknown;
      let stdin: unknown;
      try {
        ({ argv, cwd, stdin } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { argv?: unknown; cwd?: unknown; stdin?: unknown });
      } catch {
        argv = undefined;
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string") || typeof cwd !== "string" || (stdin !== undefined && typeof stdin !== "string")) {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ exitCode: 2, stdout: "", stderr: "error: bad request\n" }));
        return;
      }
      void runCli(argv, deps, { cwd, ...(typeof stdin === "string" ? { stdin: Buffer.from(stdin, "base64") } : {}) }).then((result) => {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o600);
  return server;
};

export const forwardToAdminSocket = (path: string, argv: string[], cwd: string, stdin?: Buffer): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const req = request({ socketPath: path, path: "/cli", method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as CliResult);
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on("error", reject);
    req.end(JSON.stringify({ argv, cwd, ...(stdin ? { stdin: stdin.toString("base64") } : {}) }));
  });
